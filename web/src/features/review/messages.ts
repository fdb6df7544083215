/** Texts of the CRESS's review dialogs (validate, send back, reopen), French first. */
export const reviewMessages = {
  fr: {
    validateTitle: 'Valider {{quarter}} de {{pole}}',
    validateText:
      'Une fois validé, le trimestre est verrouillé : plus aucune valeur ne peut changer sans le rouvrir avec un motif. Vérifiez d’abord :',
    validateIncomplete: 'Toutes les valeurs attendues ne sont pas saisies.',
    validateConfirm: 'Valider et verrouiller',
    validating: 'Validation…',
    loadingFacts: 'Chargement des contrôles du trimestre…',
    sendBackTitle: 'Renvoyer {{quarter}} de {{pole}} au pôle',
    sendBackText:
      'Le trimestre repasse en brouillon. Le pôle verra votre motif, pourra corriger puis soumettre à nouveau.',
    reopenTitle: 'Rouvrir {{quarter}} de {{pole}}',
    reopenText:
      'Le trimestre validé est déverrouillé et repasse en brouillon. Le motif est conservé dans l’historique.',
    reason: 'Motif',
    reasonHelp: 'Obligatoire : au moins {{min}} caractères, visibles par le pôle.',
    reasonTooShort: 'Écrivez un motif d’au moins {{min}} caractères.',
    confirm: 'Confirmer',
    cancel: 'Annuler',
    sending: 'Envoi…',
    done: {
      validate: '{{quarter}} de {{pole}} : validé et verrouillé.',
      sendBack: '{{quarter}} de {{pole}} : renvoyé au pôle.',
      reopen: '{{quarter}} de {{pole}} : rouvert, repassé en brouillon.',
    },
  },
  en: {
    validateTitle: 'Validate {{quarter}} of {{pole}}',
    validateText:
      'Once validated, the quarter is locked: no value can change unless it is reopened with a reason. Check first:',
    validateIncomplete: 'Not every expected value is entered.',
    validateConfirm: 'Validate and lock',
    validating: 'Validating…',
    loadingFacts: 'Loading the quarter’s checks…',
    sendBackTitle: 'Send {{quarter}} of {{pole}} back to the pole',
    sendBackText:
      'The quarter goes back to draft. The pole will see your reason, can correct and submit again.',
    reopenTitle: 'Reopen {{quarter}} of {{pole}}',
    reopenText:
      'The validated quarter is unlocked and goes back to draft. The reason is kept in the history.',
    reason: 'Reason',
    reasonHelp: 'Required: at least {{min}} characters, shown to the pole.',
    reasonTooShort: 'Write a reason of at least {{min}} characters.',
    confirm: 'Confirm',
    cancel: 'Cancel',
    sending: 'Sending…',
    done: {
      validate: '{{quarter}} of {{pole}}: validated and locked.',
      sendBack: '{{quarter}} of {{pole}}: sent back to the pole.',
      reopen: '{{quarter}} of {{pole}}: reopened, back to draft.',
    },
  },
};
