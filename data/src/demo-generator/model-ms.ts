import {
  independent,
  type JointCell,
  jointCategories,
  type ModelContext,
  type ModelResult,
  marginals,
} from './context';
import { cellsOf, simulatePopulation } from './population';
import { emptyResult, note, push } from './result';

const SEX = { femme: 0.38, homme: 0.6 };
const AGE = { moins_26: 0.26, '26_49': 0.52, '50_plus': 0.2 };
const SIAE = { ACI: 0.45, AI: 0.2, EI: 0.18, ETTI: 0.12, EITI: 0.03 };
/** Paid hours per person present in a quarter: well under the W2 bound of 482 h. */
const HOURS_PER_PERSON = 300;

/** Sums per-category values by the member of one dimension, as joint cells on it alone. */
function byDimension(cells: JointCell[], dim: string): JointCell[] {
  const sums = new Map<string, number>();
  for (const c of cells) sums.set(c.attrs[dim]!, (sums.get(c.attrs[dim]!) ?? 0) + c.value);
  return [...sums].map(([m, value]) => ({ attrs: { [dim]: m }, value }));
}

/**
 * Mobilité sociale: IAE pathways (stock, entries, exits and their outcomes, hours) and
 * social-clause hires. Rules held: E1 per sex, E2, E3 and W2 for every category.
 */
export function mobiliteSociale(ctx: ModelContext): ModelResult {
  const { rng } = ctx;
  const result = emptyResult();
  const cats = jointCategories(ctx, [
    ['sex', SEX],
    ['age_band', AGE],
    ['siae_type', SIAE],
  ]);
  const pop = simulatePopulation(ctx.fork('population'), cats, {
    initial: Math.round(80 * ctx.scale),
    entriesMean: (t) => 24 * ctx.activity(t, [1.1, 1, 0.8, 1.1]),
    exitRate: 0.2,
    otherRate: 0.04,
  });
  const dims = ['sex', 'age_band', 'siae_type'];
  pop.forEach((q, t) => {
    push(result, 'MS-SALARIES-PARCOURS', marginals(ctx, cellsOf(cats, q.after), dims));
    push(result, 'MS-ENTREES-PARCOURS', marginals(ctx, cellsOf(cats, q.entries), dims));
    const exits = cellsOf(cats, q.exits);
    push(result, 'MS-SORTIES', marginals(ctx, exits, ['sex', 'siae_type']));
    const outcomes: Record<string, JointCell[]> = { durable: [], transition: [], positive: [] };
    for (const { attrs, value } of byDimension(exits, 'sex')) {
      const durable = rng.binomial(value, 0.27);
      const transition = rng.binomial(value - durable, 0.3);
      const positive = rng.binomial(value - durable - transition, 0.3);
      outcomes.durable!.push({ attrs, value: durable });
      outcomes.transition!.push({ attrs, value: transition });
      outcomes.positive!.push({ attrs, value: positive });
    }
    push(result, 'MS-SORTIES-EMPLOI-DURABLE', marginals(ctx, outcomes.durable!, ['sex']));
    push(result, 'MS-SORTIES-EMPLOI-TRANSITION', marginals(ctx, outcomes.transition!, ['sex']));
    push(result, 'MS-SORTIES-POSITIVES', marginals(ctx, outcomes.positive!, ['sex']));
    const present = cats.map((_, i) => (q.before[i]! + q.after[i]!) / 2);
    const hours = byDimension(cellsOf(cats, present), 'siae_type').map(({ attrs, value }) => ({
      attrs,
      value: Math.round(value * HOURS_PER_PERSON * (1 + rng.normal(0, 0.04))),
    }));
    push(result, 'MS-HEURES-INSERTION', marginals(ctx, hours, ['siae_type']));
    if (rng.chance(0.1)) {
      note(
        result,
        'MS-SORTIES',
        t,
        'Chiffres repris de l’extranet IAE, vérifiés avec chaque SIAE.',
      );
    }
  });
  clauses(ctx.fork('clauses'), result);
  return result;
}

/** Social-clause hires and hours; the Canal Seine-Nord Europe share grows over time. */
function clauses(ctx: ModelContext, result: ModelResult): void {
  const { rng } = ctx;
  ctx.quarters.forEach((quarter, t) => {
    // The canal works ramp up from 2023: the CSNE share of clause hours grows each year.
    const csne = Math.min(0.75, Math.max(0.1, 0.25 + 0.12 * (Number(quarter.slice(0, 4)) - 2023)));
    const operation = { csne, autre_marche: 1 - csne, non_renseigne: 0.03 };
    const persons = rng.poisson(9 * ctx.activity(t));
    push(
      result,
      'MS-CLAUSES-PERSONNES',
      independent(ctx, persons, [
        ['sex', { homme: 3.5, femme: 1 }],
        ['operation', operation],
      ]),
    );
    const hours = Math.max(0, Math.round(3200 * ctx.activity(t) * (1 + rng.normal(0, 0.15))));
    push(result, 'MS-CLAUSES-HEURES', independent(ctx, hours, [['operation', operation]]));
  });
  const t = ctx.quarters.indexOf('2025Q1');
  if (t >= 0)
    note(
      result,
      'MS-CLAUSES-HEURES',
      t,
      'Montée en charge des chantiers du Canal Seine-Nord Europe.',
    );
}
