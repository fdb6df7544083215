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
      fr: 'Les tonnes réemployées ({reemploi}) et recyclées ({recycles}) dépassent les tonnes collectées ({collectes}).',
      en: 'Reused ({reemploi}) and recycled ({recycles}) tonnes exceed collected tonnes ({collectes}).',
    },
    yearly: {
      severity: 'error',
      messages: {
        fr: 'Sur l’année {year}, les tonnes réemployées ({reemploi}) et recyclées ({recycles}) dépassent les tonnes collectées ({collectes}).',
        en: 'Over {year}, reused ({reemploi}) and recycled ({recycles}) tonnes exceed collected tonnes ({collectes}).',
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
      fr: `Les heures d’insertion ({heures}) dépassent le plafond de {right} ((salariés du trimestre précédent {salariesPrecedent} + entrées {entrees}) × {insertionHoursPerYear}${NBSP}h ÷ 4 × 1,2).`,
      en: 'Insertion hours ({heures}) exceed the cap of {right} ((last quarter’s employees {salariesPrecedent} + entries {entrees}) × {insertionHoursPerYear} h ÷ 4 × 1.2).',
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
      fr: `Les heures d’insertion ({heures}) dépassent le plafond ({right}), mais pas une fois retirées les heures sous clause sociale ({clauses})${NBSP}: celles-ci ont sans doute été ajoutées à tort.`,
      en: 'Insertion hours ({heures}) exceed the cap ({right}) but not without the social-clause hours ({clauses}): these were probably added in.',
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
      fr: 'Les emplois créés ({crees}) dépassent les emplois des structures membres ({emploisMembres}).',
      en: 'Jobs created ({crees}) exceed the jobs of member organisations ({emploisMembres}).',
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
      fr: `Entrées en accompagnement${NBSP}: résidence non renseignée pour {nonRenseigne} sur {total} (plus de 20${NBSP}%).`,
      en: 'Entries into support: residence not specified for {nonRenseigne} of {total} (over 20 %).',
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
      fr: `Financements publics du trimestre supérieurs à 100\u202f000${NBSP}€ ({publics})${NBSP}: une aide pluriannuelle a-t-elle bien été saisie une seule fois${NBSP}?`,
      en: 'Public funding this quarter above 100,000 € ({publics}): was a multi-year award entered only once?',
    },
  },
];
