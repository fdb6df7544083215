import { NBSP, OPTIONAL, PREVIOUS, type RuleDeclaration, term } from './rules.types';

/** (employees(t−1) + entries(t)) × hours per year ÷ 4 × 1.2: the insertion-hours cap of W2/W3. */
const hoursCap = { setting: 'insertionHoursPerYear', factor: 1.2 / 4 } as const;
const W2_CAP = {
  terms: [
    term('salariesPrecedent', 'MS-SALARIES-PARCOURS', { ...PREVIOUS, coef: hoursCap }),
    term('entrees', 'MS-ENTREES-PARCOURS', { coef: hoursCap }),
  ],
};

/** Rules W1–W7 of `reference/INDICATORS.md`: shown and saved (W1 over a full year is an error). */
export const WARNING_RULES: readonly RuleDeclaration[] = [
  {
    id: 'W1',
    kind: 'compare',
    severity: 'warning',
    description: 'Reused + recycled ≤ collected tonnes per quarter; an error over a full year.',
    assert: {
      left: {
        terms: [
          term('reemploi', 'TE-DECHETS-REEMPLOI', OPTIONAL),
          term('recycles', 'TE-DECHETS-RECYCLES', OPTIONAL),
        ],
      },
      op: '<=',
      right: { terms: [term('collectes', 'TE-DECHETS-COLLECTES')] },
    },
    messages: {
      fr: `Les tonnes réemployées ({reemploi}${NBSP}t) et recyclées ({recycles}${NBSP}t) dépassent les tonnes collectées ({collectes}${NBSP}t).`,
      en: 'Reused ({reemploi} t) and recycled ({recycles} t) tonnes exceed collected tonnes ({collectes} t).',
    },
    yearly: {
      severity: 'error',
      messages: {
        fr: `Sur l’année {year}, les tonnes réemployées ({reemploi}${NBSP}t) et recyclées ({recycles}${NBSP}t) dépassent les tonnes collectées ({collectes}${NBSP}t).`,
        en: 'Over {year}, reused ({reemploi} t) and recycled ({recycles} t) tonnes exceed collected tonnes ({collectes} t).',
      },
    },
  },
  {
    id: 'W2',
    kind: 'compare',
    severity: 'warning',
    description: 'Insertion hours ≤ (employees(t−1) + entries(t)) × hours per year ÷ 4 × 1.2.',
    assert: { left: { terms: [term('heures', 'MS-HEURES-INSERTION')] }, op: '<=', right: W2_CAP },
    messages: {
      fr: `Les heures d’insertion ({heures}${NBSP}h) dépassent le plafond de {right}${NBSP}h (({salariesPrecedent} salariés + {entrees} entrées) × {insertionHoursPerYear}${NBSP}h ÷ 4 × 1,2).`,
      en: 'Insertion hours ({heures} h) exceed the cap of {right} h (({salariesPrecedent} employees + {entrees} entries) × {insertionHoursPerYear} h ÷ 4 × 1.2).',
    },
  },
  {
    id: 'W3',
    kind: 'compare',
    severity: 'warning',
    description: 'Insertion hours above the W2 cap only because clause hours were added in.',
    assert: { left: { terms: [term('heures', 'MS-HEURES-INSERTION')] }, op: '<=', right: W2_CAP },
    onlyIf: {
      left: {
        terms: [
          term('heures', 'MS-HEURES-INSERTION'),
          term('clauses', 'MS-CLAUSES-HEURES', { coef: -1 }),
        ],
      },
      leftName: 'heuresHorsClauses',
      op: '<=',
      right: W2_CAP,
    },
    messages: {
      fr: `Les heures d’insertion ({heures}${NBSP}h) dépassent le plafond ({right}${NBSP}h), mais pas une fois retirées les heures sous clause sociale ({clauses}${NBSP}h)${NBSP}: celles-ci ont sans doute été ajoutées à tort.`,
      en: 'Insertion hours ({heures} h) exceed the cap ({right} h) but not without the social-clause hours ({clauses} h): these were probably added in.',
    },
  },
  {
    id: 'W4',
    kind: 'compare',
    severity: 'warning',
    description: 'More than 500 participants per event on average.',
    assert: {
      left: { terms: [term('participants', 'PTCE-PARTICIPANTS-EVENEMENTS')] },
      op: '<=',
      right: { terms: [term('evenements', 'PTCE-EVENEMENTS', { coef: 500 })] },
    },
    onlyIf: {
      left: { terms: [term('evenements', 'PTCE-EVENEMENTS')] },
      op: '>',
      right: { terms: [] },
    },
    messages: {
      fr: `Plus de 500 participants par événement en moyenne (participants${NBSP}: {participants}${NBSP}; événements${NBSP}: {evenements}).`,
      en: 'More than 500 participants per event on average (participants: {participants}; events: {evenements}).',
    },
  },
  {
    id: 'W5',
    kind: 'compare',
    severity: 'warning',
    description: 'PTCE-EMPLOIS-CREES(t) > PTCE-EMPLOIS-MEMBRES(t).',
    assert: {
      left: { terms: [term('crees', 'PTCE-EMPLOIS-CREES')] },
      op: '<=',
      right: { terms: [term('emploisMembres', 'PTCE-EMPLOIS-MEMBRES')] },
    },
    messages: {
      fr: `Les emplois créés ({crees}${NBSP}ETP) dépassent les emplois des structures membres ({emploisMembres}${NBSP}ETP).`,
      en: 'Jobs created ({crees} FTE) exceed the jobs of member organisations ({emploisMembres} FTE).',
    },
  },
  {
    id: 'W6',
    kind: 'compare',
    severity: 'warning',
    description: 'More than 20 % of DS-ENTREES-ACCOMPAGNEMENT with residence = non_renseigne.',
    assert: {
      left: {
        terms: [
          term('nonRenseigne', 'DS-ENTREES-ACCOMPAGNEMENT', { slice: 'residence=non_renseigne' }),
        ],
      },
      op: '<=',
      right: { terms: [term('total', 'DS-ENTREES-ACCOMPAGNEMENT', { coef: 0.2 })] },
    },
    messages: {
      fr: `Résidence non renseignée pour {nonRenseigne} des {total} entrées en accompagnement (plus de 20${NBSP}%).`,
      en: 'Residence not specified for {nonRenseigne} of {total} entries into support (over 20 %).',
    },
  },
  {
    id: 'W7',
    kind: 'compare',
    severity: 'warning',
    description: 'A single quarter’s public funding above 100,000 €.',
    assert: {
      left: { terms: [term('publics', 'PTCE-FIN-PUBLICS')] },
      op: '<=',
      right: { terms: [], constant: 100_000 },
    },
    messages: {
      fr: `Financements publics du trimestre supérieurs à 100\u202f000${NBSP}€ ({publics}${NBSP}€)${NBSP}: une aide pluriannuelle a-t-elle bien été saisie une seule fois${NBSP}?`,
      en: 'Public funding this quarter above 100,000 € ({publics} €): was a multi-year award entered only once?',
    },
  },
];
