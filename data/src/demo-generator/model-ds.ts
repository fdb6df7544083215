import {
  independent,
  jointCategories,
  type ModelContext,
  type ModelResult,
  marginals,
  SEASON,
} from './context';
import { cellsOf, simulatePopulation } from './population';
import { emptyResult, note, push } from './result';

const SEX = { femme: 0.58, homme: 0.4 };
const AGE = { moins_26: 0.22, '26_49': 0.5, '50_plus': 0.26 };
const THEMES = {
  acces_droits: 0.25,
  numerique: 0.25,
  sante: 0.15,
  logement: 0.1,
  mobilite: 0.15,
  autre: 0.1,
  non_renseigne: 0,
};

/**
 * Développement social: individual support (entries, active case load), group activities and
 * volunteer hours. Rules held: E7 (no session → no attendance), E9 per category, W6 (≈ 4 %
 * of entries without a known residence).
 */
export function developpementSocial(ctx: ModelContext): ModelResult {
  const { rng } = ctx;
  const result = emptyResult();
  const cats = jointCategories(ctx, [
    ['sex', SEX],
    ['age_band', AGE],
  ]);
  const pop = simulatePopulation(ctx.fork('population'), cats, {
    initial: Math.round(110 * ctx.scale),
    entriesMean: (t) => 42 * ctx.activity(t, [1.1, 1, 0.8, 1.1]),
    exitRate: 0.3,
    otherRate: 0,
  });
  pop.forEach((q, t) => {
    const entries = marginals(ctx, cellsOf(cats, q.entries), ['sex', 'age_band']);
    entries.slices.residence = independent(ctx, entries.total, [
      ['residence', { qpv: 0.46, hors_qpv: 0.5, non_renseigne: 0.04 }],
    ]).slices.residence!;
    push(result, 'DS-ENTREES-ACCOMPAGNEMENT', entries);
    push(result, 'DS-FILE-ACTIVE', marginals(ctx, cellsOf(cats, q.after), ['sex', 'age_band']));

    const sessions = rng.poisson(12 * ctx.activity(t, SEASON));
    push(result, 'DS-ACTIONS-COLLECTIVES', independent(ctx, sessions, [['theme', THEMES]]));
    let attendances = 0;
    for (let i = 0; i < sessions; i++) attendances += Math.max(2, Math.round(rng.normal(9, 3)));
    push(
      result,
      'DS-PARTICIPATIONS-ACTIONS',
      independent(ctx, attendances, [['sex', { femme: 0.66, homme: 0.32 }]]),
    );

    const hours = Math.max(
      0,
      Math.round(260 * ctx.activity(t, SEASON) * (1 + rng.normal(0, 0.12))),
    );
    push(
      result,
      'DS-HEURES-BENEVOLAT',
      independent(ctx, hours, [['sex', { femme: 0.6, homme: 0.38 }]]),
    );
    if (rng.chance(0.08)) {
      note(
        result,
        'DS-ENTREES-ACCOMPAGNEMENT',
        t,
        'Nouvelle permanence ouverte dans un quartier prioritaire.',
      );
    }
  });
  return result;
}
