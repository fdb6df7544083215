import { NBSP, OPTIONAL, PREVIOUS, type RuleDeclaration, term } from './rules.types';

/** Rules E1–E9 of `reference/INDICATORS.md`: a violation refuses the value unless overridden. */
export const ERROR_RULES: readonly RuleDeclaration[] = [
  {
    id: 'E1',
    kind: 'compare',
    severity: 'error',
    description: 'Lasting + transition + positive exits ≤ exits, per quarter and per sex slice.',
    perSliceOf: 'sex',
    assert: {
      left: {
        terms: [
          term('durable', 'MS-SORTIES-EMPLOI-DURABLE', OPTIONAL),
          term('transition', 'MS-SORTIES-EMPLOI-TRANSITION', OPTIONAL),
          term('positives', 'MS-SORTIES-POSITIVES', OPTIONAL),
        ],
      },
      op: '<=',
      right: { terms: [term('sorties', 'MS-SORTIES')] },
    },
    messages: {
      fr: `Les sorties vers l’emploi durable, de transition et positives ({left}) dépassent les sorties de parcours ({sorties}).`,
      en: 'Lasting-job, transition-job and positive exits ({left}) exceed pathway exits ({sorties}).',
    },
  },
  {
    id: 'E2',
    kind: 'compare',
    severity: 'error',
    description: 'MS-SORTIES(t) ≤ MS-SALARIES-PARCOURS(t−1) + MS-ENTREES-PARCOURS(t).',
    assert: {
      left: { terms: [term('sorties', 'MS-SORTIES')] },
      op: '<=',
      right: {
        terms: [
          term('salariesPrecedent', 'MS-SALARIES-PARCOURS', PREVIOUS),
          term('entrees', 'MS-ENTREES-PARCOURS'),
        ],
      },
    },
    messages: {
      fr: 'Les sorties de parcours ({sorties}) dépassent les salariés en parcours du trimestre précédent ({salariesPrecedent}) plus les entrées ({entrees}).',
      en: 'Pathway exits ({sorties}) exceed last quarter’s employees in pathways ({salariesPrecedent}) plus entries ({entrees}).',
    },
  },
  {
    id: 'E3',
    kind: 'compare',
    severity: 'error',
    description:
      'MS-SALARIES-PARCOURS(t) ≤ MS-SALARIES-PARCOURS(t−1) + MS-ENTREES-PARCOURS(t) − MS-SORTIES(t).',
    assert: {
      left: { terms: [term('salaries', 'MS-SALARIES-PARCOURS')] },
      op: '<=',
      right: {
        terms: [
          term('salariesPrecedent', 'MS-SALARIES-PARCOURS', PREVIOUS),
          term('entrees', 'MS-ENTREES-PARCOURS'),
          term('sorties', 'MS-SORTIES', { coef: -1 }),
        ],
      },
    },
    messages: {
      fr: 'Les salariés en parcours ({salaries}) dépassent le maximum possible de {right} (trimestre précédent {salariesPrecedent} + entrées {entrees} − sorties {sorties}).',
      en: 'Employees in pathways ({salaries}) exceed the possible maximum of {right} (last quarter {salariesPrecedent} + entries {entrees} − exits {sorties}).',
    },
  },
  {
    id: 'E4',
    kind: 'compare',
    severity: 'error',
    description:
      'PTCE-MEMBRES(t) = PTCE-MEMBRES(t−1) + PTCE-MEMBRES-ENTREES(t) − PTCE-MEMBRES-SORTIES(t).',
    assert: {
      left: { terms: [term('membres', 'PTCE-MEMBRES')] },
      op: '=',
      right: {
        terms: [
          term('membresPrecedent', 'PTCE-MEMBRES', PREVIOUS),
          term('entrees', 'PTCE-MEMBRES-ENTREES'),
          term('sorties', 'PTCE-MEMBRES-SORTIES', { coef: -1 }),
        ],
      },
    },
    messages: {
      fr: 'Les membres en fin de trimestre ({membres}) diffèrent de {right} (trimestre précédent {membresPrecedent} + entrées {entrees} − sorties {sorties}).',
      en: 'Members at quarter end ({membres}) differ from {right} (last quarter {membresPrecedent} + new {entrees} − left {sorties}).',
    },
  },
  {
    id: 'E5',
    kind: 'breakdown-sums',
    severity: 'error',
    description: 'Each filled breakdown’s slices, non_renseigne included, sum to the total.',
    messages: {
      fr: `{label:indicator}${NBSP}: la somme de la ventilation par «${NBSP}{dim:dimension}${NBSP}» ({sum}) diffère du total ({total}).`,
      en: '{label:indicator}: the breakdown by {dim:dimension} sums to {sum}, not to the total ({total}).',
    },
    missingTotalMessages: {
      fr: `{label:indicator}${NBSP}: une ventilation par «${NBSP}{dim:dimension}${NBSP}» est saisie ({sum}) sans total.`,
      en: '{label:indicator}: a breakdown by {dim:dimension} is entered ({sum}) without a total.',
    },
  },
  {
    id: 'E6',
    kind: 'compare',
    severity: 'error',
    description: 'PTCE-FIN-PUBLICS + PTCE-FIN-PRIVES ≤ PTCE-RESSOURCES-TOTALES.',
    assert: {
      left: {
        terms: [
          term('publics', 'PTCE-FIN-PUBLICS', OPTIONAL),
          term('prives', 'PTCE-FIN-PRIVES', OPTIONAL),
        ],
      },
      op: '<=',
      right: { terms: [term('ressources', 'PTCE-RESSOURCES-TOTALES')] },
    },
    messages: {
      fr: 'Les financements publics ({publics}) et privés ({prives}) dépassent les ressources totales ({ressources}).',
      en: 'Public ({publics}) and private ({prives}) funding exceed total resources ({ressources}).',
    },
  },
  {
    id: 'E7',
    kind: 'zero-implies-zero',
    severity: 'error',
    description: 'No session means no attendance (meetings, events, group activities, awareness).',
    pairs: [
      { sessions: 'PTCE-REUNIONS', attendances: 'PTCE-PARTICIPATIONS-REUNIONS' },
      { sessions: 'PTCE-EVENEMENTS', attendances: 'PTCE-PARTICIPANTS-EVENEMENTS' },
      { sessions: 'DS-ACTIONS-COLLECTIVES', attendances: 'DS-PARTICIPATIONS-ACTIONS' },
      { sessions: 'TE-SENSIBILISATION-ACTIONS', attendances: 'TE-SENSIBILISATION-PERSONNES' },
    ],
    messages: {
      fr: `{label:attendancesIndicator}${NBSP}: {attendances} alors que «${NBSP}{label:sessionsIndicator}${NBSP}» vaut 0.`,
      en: '{label:attendancesIndicator}: {attendances} while “{label:sessionsIndicator}” is 0.',
    },
  },
  {
    id: 'E8',
    kind: 'value-bounds',
    severity: 'error',
    description: 'Counts and persons are non-negative integers; other units non-negative; min/max.',
    messages: {
      fr: `{label:indicator}${NBSP}: la valeur {value} est négative.`,
      en: '{label:indicator}: the value {value} is negative.',
    },
    notIntegerMessages: {
      fr: `{label:indicator}${NBSP}: {value} n’est pas un nombre entier.`,
      en: '{label:indicator}: {value} is not a whole number.',
    },
    belowMinMessages: {
      fr: `{label:indicator}${NBSP}: {value} est inférieur au minimum ({min}).`,
      en: '{label:indicator}: {value} is below the minimum ({min}).',
    },
    aboveMaxMessages: {
      fr: `{label:indicator}${NBSP}: {value} est supérieur au maximum ({max}).`,
      en: '{label:indicator}: {value} is above the maximum ({max}).',
    },
  },
  {
    id: 'E9',
    kind: 'compare',
    severity: 'error',
    description: 'DS-FILE-ACTIVE(t) ≤ DS-FILE-ACTIVE(t−1) + DS-ENTREES-ACCOMPAGNEMENT(t).',
    assert: {
      left: { terms: [term('fileActive', 'DS-FILE-ACTIVE')] },
      op: '<=',
      right: {
        terms: [
          term('fileActivePrecedente', 'DS-FILE-ACTIVE', PREVIOUS),
          term('entrees', 'DS-ENTREES-ACCOMPAGNEMENT'),
        ],
      },
    },
    messages: {
      fr: 'La file active ({fileActive}) dépasse celle du trimestre précédent ({fileActivePrecedente}) plus les entrées en accompagnement ({entrees}).',
      en: 'The active caseload ({fileActive}) exceeds last quarter’s ({fileActivePrecedente}) plus entries into support ({entrees}).',
    },
  },
];
