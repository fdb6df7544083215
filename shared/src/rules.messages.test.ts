import { describe, expect, it } from 'vitest';
import type { Cell } from './domain.types';
import { NARROW_NBSP as G } from './format';
import { RULES } from './rules';
import { formatRuleValue } from './rules.context';
import { DEFAULT_RULE_SETTINGS, type RuleDeclaration, type RuleMessages } from './rules.types';
import { issuesOf, PREV, v } from './test-fixtures/rules.fixture';

// Narrow no-break space between thousands (G), no-break space before a unit symbol (S).
const S = '\u00a0';

describe('rule messages show values with their indicator’s decimals and unit', () => {
  it.each<[string, string, Cell[], string, string]>([
    [
      'money: two decimals and €',
      'E6',
      [
        v('PTCE-FIN-PUBLICS', 13_700.5),
        v('PTCE-FIN-PRIVES', 0),
        v('PTCE-RESSOURCES-TOTALES', 10_000),
      ],
      `Les financements publics (13${G}700,50${S}€) et privés (0,00${S}€) dépassent les ressources totales (10${G}000,00${S}€).`,
      `Public (13,700.50${S}€) and private (0.00${S}€) funding exceed total resources (10,000.00${S}€).`,
    ],
    [
      'FTE: one decimal and ETP',
      'W5',
      [v('PTCE-EMPLOIS-CREES', 2), v('PTCE-EMPLOIS-MEMBRES', 1.5)],
      `Les emplois créés (2,0${S}ETP) dépassent les emplois des structures membres (1,5${S}ETP).`,
      `Jobs created (2.0${S}FTE) exceed the jobs of member organisations (1.5${S}FTE).`,
    ],
    [
      'tonnes, the sum of a side in its terms’ unit',
      'W1',
      [v('TE-DECHETS-REEMPLOI', 6), v('TE-DECHETS-COLLECTES', 5.5)],
      `Les tonnes réemployées (6,0${S}t) et recyclées (0,0${S}t) dépassent les tonnes collectées (5,5${S}t).`,
      `Reused (6.0${S}t) and recycled (0.0${S}t) tonnes exceed collected tonnes (5.5${S}t).`,
    ],
    [
      'persons, and a computed maximum in the same unit',
      'E3',
      [
        v('MS-SALARIES-PARCOURS', 13),
        v('MS-SALARIES-PARCOURS', 10, '', PREV),
        v('MS-ENTREES-PARCOURS', 2),
        v('MS-SORTIES', 1),
      ],
      `Les salariés en parcours (13${S}pers.) dépassent le maximum possible de 11${S}pers. (trimestre précédent 10${S}pers. + entrées 2${S}pers. − sorties 1${S}pers.).`,
      `Employees in pathways (13${S}people) exceed the possible maximum of 11${S}people (last quarter 10${S}people + entries 2${S}people − exits 1${S}people).`,
    ],
    [
      'a cap in hours keeps its decimal; the setting is a plain number',
      'W2',
      [
        v('MS-SALARIES-PARCOURS', 10, '', PREV),
        v('MS-ENTREES-PARCOURS', 2),
        v('MS-HEURES-INSERTION', 6000),
      ],
      `Les heures d’insertion (6${G}000${S}h) dépassent le plafond de 5${G}785,2${S}h ((salariés du trimestre précédent 10${S}pers. + entrées 2${S}pers.) × 1${G}607${S}h ÷ 4 × 1,2).`,
      `Insertion hours (6,000${S}h) exceed the cap of 5,785.2${S}h ((last quarter’s employees 10${S}people + entries 2${S}people) × 1,607 h ÷ 4 × 1.2).`,
    ],
    [
      'a breakdown sum in the indicator’s unit',
      'E5',
      [v('PTCE-FIN-PUBLICS', 1000), v('PTCE-FIN-PUBLICS', 400.25, 'funder_type=etat')],
      `Financements publics obtenus${S}: la somme de la ventilation par «${S}Type de financeur${S}» (400,25${S}€) diffère du total (1${G}000,00${S}€).`,
      `Public funding: the breakdown by Funder type sums to 400.25${S}€, not to the total (1,000.00${S}€).`,
    ],
  ])('%s (%s)', (_name, rule, cells, fr, en) => {
    const [issue] = issuesOf(rule, cells);
    expect(issue?.messageFr).toBe(fr);
    expect(issue?.messageEn).toBe(en);
  });

  it('keeps params as plain numbers', () => {
    const [issue] = issuesOf('E6', [
      v('PTCE-FIN-PUBLICS', 13_700.5),
      v('PTCE-RESSOURCES-TOTALES', 10_000),
    ]);
    expect(issue?.params).toEqual({
      publics: 13_700.5,
      prives: 0,
      ressources: 10_000,
      left: 13_700.5,
      right: 10_000,
    });
  });

  it.each([
    [1.5, { decimals: 0, unit: 'count' as const }, '1,5'],
    [2, { decimals: 1, unit: 'fte' as const }, `2,0${S}ETP`],
    [0.1 + 0.2, { decimals: 1, unit: 'tonnes' as const }, `0,3${S}t`],
    [13_700.5, { decimals: 2, unit: 'eur' as const }, `13${G}700,50${S}€`],
  ])('formatRuleValue(%s) never rounds a value below its own digits', (value, format, expected) => {
    expect(formatRuleValue(value, format, 'fr')).toBe(expected);
  });
});

/** The params of a declaration the formatter knows the indicator of. */
function formattedParams(rule: RuleDeclaration): Set<string> {
  switch (rule.kind) {
    case 'compare': {
      const sides = [rule.assert, ...(rule.onlyIf ? [rule.onlyIf] : [])];
      const terms = sides.flatMap((c) => [...c.left.terms, ...c.right.terms].map((t) => t.name));
      const names = sides.flatMap((c) => [c.leftName, c.rightName]).filter((n) => n !== undefined);
      return new Set([...terms, ...names, 'left', 'right']);
    }
    case 'zero-implies-zero':
      return new Set(['attendances', 'sessions', 'left', 'right']);
    case 'breakdown-sums':
      return new Set(['sum', 'total']);
    case 'value-bounds':
      return new Set(['value', 'min', 'max']);
    case 'outlier':
      return new Set(['value', 'median', 'reference']);
  }
}

function templatesOf(rule: RuleDeclaration): RuleMessages[] {
  const extra =
    rule.kind === 'compare'
      ? rule.yearly
        ? [rule.yearly.messages]
        : []
      : rule.kind === 'breakdown-sums'
        ? [rule.missingTotalMessages]
        : rule.kind === 'value-bounds'
          ? [rule.notIntegerMessages, rule.belowMinMessages, rule.aboveMaxMessages]
          : rule.kind === 'outlier'
            ? [rule.dropMessages]
            : [];
  return [rule.messages, ...extra];
}

describe('every number a rule message shows has a format', () => {
  // `quarters`: how many quarters an outlier's median is of.
  const plain = new Set([...Object.keys(DEFAULT_RULE_SETTINGS), 'year', 'quarters']);
  it.each(RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
    const known = formattedParams(rule);
    for (const { fr, en } of templatesOf(rule))
      for (const text of [fr, en])
        for (const [, name = ''] of text.matchAll(/\{([A-Za-z]+)\}/g))
          expect(known.has(name) || plain.has(name), `${rule.id}: {${name}}`).toBe(true);
  });
});
