/**
 * Texts of the quarter's workflow on every screen that shows it (Mon trimestre, the entry grid,
 * the import, the report): submitting, the last step said as it was, a rule violation with its
 * reason box. French first; keys mirror each other.
 */
export const workflowMessages = {
  fr: {
    submit: {
      button: 'Soumettre le trimestre',
      buttonOf: 'Soumettre {{period}}',
      saveFirst: 'Enregistrez vos modifications avant de soumettre.',
      confirmTitle: 'Soumettre {{period}} à la CRESS ?',
      confirmText:
        'Tout le pôle est soumis (tous les périmètres) : les valeurs seront verrouillées jusqu’à la décision de la CRESS.',
      missing: 'Valeurs manquantes : {{list}}.',
      confirm: 'Confirmer la soumission',
      cancel: 'Annuler',
      refusedRule: '{{rule}} — {{scope}} : {{message}}',
      openGrid: 'Corriger dans la grille « {{scope}} »',
      done: '{{period}} soumis à la CRESS : les valeurs sont verrouillées en attendant sa décision.',
    },
    transition: {
      sendBack: 'Renvoyé{{by}}{{when}}{{name}} — motif : {{reason}}',
      reopen: 'Rouvert{{by}}{{when}}{{name}} — motif : {{reason}}',
      /** Each after the verb, its leading space included. */
      byRole: {
        cress: ' par la CRESS',
        admin: ' par l’administration',
        coordinator: ' par la coordination',
        board: ' par le bureau',
      },
      byName: ' — {{name}}',
      when: ' le {{date}}',
      sentBackPlain: 'Renvoyé au pôle — motif : {{reason}}',
    },
    violation: {
      error: 'Erreur',
      warning: 'Avertissement',
      overridden: 'dérogation',
      sep: '\u00a0: ',
      rows: 'Lignes concernées\u00a0: ',
      reasonLabel: 'Motif de dérogation — {{rule}} — {{where}}',
      reasonHelp:
        'Expliquez pourquoi les valeurs sont justes malgré cette erreur ({{min}} caractères au moins) : ce motif ne lève que cette erreur et s’inscrit dans l’historique de chaque valeur modifiée qu’elle concerne.',
    },
  },
  en: {
    submit: {
      button: 'Submit the quarter',
      buttonOf: 'Submit {{period}}',
      saveFirst: 'Save your changes before submitting.',
      confirmTitle: 'Submit {{period}} to the CRESS?',
      confirmText:
        'The whole pole is submitted (every scope): values are locked until the CRESS decides.',
      missing: 'Missing values: {{list}}.',
      confirm: 'Confirm submission',
      cancel: 'Cancel',
      refusedRule: '{{rule}} — {{scope}}: {{message}}',
      openGrid: 'Fix it in the “{{scope}}” grid',
      done: '{{period}} submitted to the CRESS: values are locked until it decides.',
    },
    transition: {
      sendBack: 'Sent back{{by}}{{when}}{{name}} — reason: {{reason}}',
      reopen: 'Reopened{{by}}{{when}}{{name}} — reason: {{reason}}',
      byRole: {
        cress: ' by the CRESS',
        admin: ' by an administrator',
        coordinator: ' by the coordinator',
        board: ' by the board',
      },
      byName: ' — {{name}}',
      when: ' on {{date}}',
      sentBackPlain: 'Sent back to the pole — reason: {{reason}}',
    },
    violation: {
      error: 'Error',
      warning: 'Warning',
      overridden: 'overridden',
      sep: ': ',
      rows: 'Rows involved: ',
      reasonLabel: 'Override reason — {{rule}} — {{where}}',
      reasonHelp:
        'Explain why the values are right despite this error (at least {{min}} characters): the reason overrides this error only and is recorded in the history of each changed value it involves.',
    },
  },
};
