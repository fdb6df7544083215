/** Texts of the data-quality pieces, French first; keys mirror each other. */
export const qualityMessages = {
  fr: {
    score: 'Qualité : {{score}}/100',
    scorePending: 'Qualité : en cours',
    scoreOf: '{{pole}} {{quarter}}',
    explain:
      'Note sur 100 : moyenne pondérée des parts qui s’appliquent. Un trimestre encore ouvert et pas encore dû n’est pas noté.',
    points: '{{points}}/100 · poids {{weight}}',
    notCounted: 'ne compte pas · poids {{weight}}',
    parts: {
      completeness: 'Complétude',
      timeliness: 'Ponctualité',
      outliers: 'Valeurs atypiques',
      overridden: 'Dérogations',
    },
    completeness_one: '{{filled}}/{{expected}} valeur attendue saisie ({{pct}})',
    completeness_other: '{{filled}}/{{expected}} valeurs attendues saisies ({{pct}})',
    completenessNone: 'Aucune valeur attendue',
    completenessHelp: 'Part des totaux attendus (indicateurs suivis, hors ratios calculés) saisis.',
    timeliness: {
      onTime: 'Soumis le {{date}}, pour l’échéance du {{deadline}}',
      lateSubmitted: 'Soumis le {{date}}, après l’échéance du {{deadline}}',
      lateMissing: 'Non soumis, échéance du {{deadline}} dépassée',
      pending: 'Échéance le {{deadline}} : pas encore due',
    },
    timelinessHelp: 'Première soumission au plus tard à l’échéance (fin du trimestre + délai).',
    outliers_one: '{{count}} alerte d’atypie restée sans suite',
    outliers_other: '{{count}} alertes d’atypie restées sans suite',
    warnings_one: '{{count}} avertissement au total',
    warnings_other: '{{count}} avertissements au total',
    outliersHelp:
      'Valeur très éloignée de son historique (médiane, trimestre précédent, année précédente) : chacune retire {{points}} points.',
    overridden_one: '{{count}} erreur acceptée avec un motif',
    overridden_other: '{{count}} erreurs acceptées avec un motif',
    overriddenHelp:
      'Contrôle de cohérence passé outre, motif à l’appui : chacune retire {{points}} points.',
    region: {
      title: 'Qualité des données',
      intro:
        'Par pôle et par trimestre, une note sur 100 : complétude, ponctualité, valeurs atypiques et dérogations. Ouvrez une note pour le détail.',
      caption: 'Qualité des données par pôle et trimestre — {{region}}',
      pole: 'Pôle',
      noPoles: 'Aucun pôle dans cette région.',
    },
  },
  en: {
    score: 'Quality: {{score}}/100',
    scorePending: 'Quality: in progress',
    scoreOf: '{{pole}} {{quarter}}',
    explain:
      'Score out of 100: weighted mean of the parts that apply. A quarter still open and not yet due is not scored.',
    points: '{{points}}/100 · weight {{weight}}',
    notCounted: 'not counted · weight {{weight}}',
    parts: {
      completeness: 'Completeness',
      timeliness: 'Timeliness',
      outliers: 'Outliers',
      overridden: 'Overrides',
    },
    completeness_one: '{{filled}}/{{expected}} expected value entered ({{pct}})',
    completeness_other: '{{filled}}/{{expected}} expected values entered ({{pct}})',
    completenessNone: 'No value expected',
    completenessHelp:
      'Share of the expected totals (tracked indicators, computed ratios aside) entered.',
    timeliness: {
      onTime: 'Submitted on {{date}}, for the deadline of {{deadline}}',
      lateSubmitted: 'Submitted on {{date}}, after the deadline of {{deadline}}',
      lateMissing: 'Not submitted, deadline of {{deadline}} passed',
      pending: 'Due on {{deadline}}: not yet due',
    },
    timelinessHelp: 'First submitted by the deadline (end of the quarter + the allowed days).',
    outliers_one: '{{count}} outlier warning left standing',
    outliers_other: '{{count}} outlier warnings left standing',
    warnings_one: '{{count}} warning in all',
    warnings_other: '{{count}} warnings in all',
    outliersHelp:
      'A value far from its history (median, previous quarter, last year): each takes {{points}} points.',
    overridden_one: '{{count}} error accepted with a reason',
    overridden_other: '{{count}} errors accepted with a reason',
    overriddenHelp: 'A consistency check overridden with a reason: each takes {{points}} points.',
    region: {
      title: 'Data quality',
      intro:
        'Per pole and quarter, a score out of 100: completeness, timeliness, outliers and overrides. Open a score for the details.',
      caption: 'Data quality by pole and quarter — {{region}}',
      pole: 'Pole',
      noPoles: 'No pole in this region.',
    },
  },
};
