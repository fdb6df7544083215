import { type ModelContext, type ModelResult, marginals } from './context';
import { emptyResult, note, push } from './result';
import { splitInteger, sumOf } from './split';

/** Share of member organisations by type and FTE per member of that type. */
const MEMBER_TYPES: Record<string, readonly [number, number]> = {
  entreprise_ess: [0.5, 9],
  entreprise_hors_ess: [0.15, 5],
  collectivite: [0.15, 2.5],
  recherche_enseignement_formation: [0.08, 2],
  autre: [0.12, 1.5],
};
const RESOURCES = { locaux: 2, personnel: 1, equipement: 2, competences: 1, achats_groupes: 1 };

const cellsOf = (dim: string, values: Record<string, number>) =>
  Object.entries(values).map(([m, value]) => ({ attrs: { [dim]: m }, value }));

/**
 * The pole's network: member organisations by type (E4 held exactly, per type too), their
 * jobs (≈ 100 FTE for a typical pole), the coordination team and pooled resources.
 */
export function ptceMembers(ctx: ModelContext): ModelResult {
  const { rng } = ctx;
  const result = emptyResult();
  const shares = Object.fromEntries(Object.entries(MEMBER_TYPES).map(([k, [w]]) => [k, w]));
  const fteLevel = Object.fromEntries(Object.entries(MEMBER_TYPES).map(([k, [, f]]) => [k, f]));
  let members = splitInteger(Math.round(15 * ctx.scale), shares, rng);
  const fte = ctx.res('PTCE-EMPLOIS-MEMBRES');
  let team = Math.round(Math.max(0.8, 1.5 + (ctx.scale - 1) * 0.5) * ctx.res('PTCE-ETP-ANIMATION'));
  const pooled: Record<string, number> = Object.fromEntries(
    Object.entries(RESOURCES).map(([k, n]) => [k, Math.round(n * ctx.scale)]),
  );
  ctx.quarters.forEach((_, t) => {
    const entries = splitInteger(rng.poisson(0.5 * ctx.activity(t)), shares, rng);
    const exits: Record<string, number> = {};
    for (const k of Object.keys(members)) exits[k] = rng.binomial(members[k]! + entries[k]!, 0.015);
    members = Object.fromEntries(
      Object.keys(members).map((k) => [k, members[k]! + entries[k]! - exits[k]!]),
    );
    push(result, 'PTCE-MEMBRES', marginals(ctx, cellsOf('member_type', members), ['member_type']));
    push(
      result,
      'PTCE-MEMBRES-ENTREES',
      marginals(ctx, cellsOf('member_type', entries), ['member_type']),
    );
    push(
      result,
      'PTCE-MEMBRES-SORTIES',
      marginals(ctx, cellsOf('member_type', exits), ['member_type']),
    );
    if (sumOf(entries) >= 2)
      note(
        result,
        'PTCE-MEMBRES-ENTREES',
        t,
        `Adhésion de ${sumOf(entries)} nouvelles structures validée en CA.`,
      );

    const jobs: Record<string, number> = {};
    for (const k of Object.keys(members)) {
      fteLevel[k] = fteLevel[k]! * (1 + rng.normal(0, 0.01));
      jobs[k] = Math.round(members[k]! * fteLevel[k]! * fte);
    }
    push(
      result,
      'PTCE-EMPLOIS-MEMBRES',
      marginals(ctx, cellsOf('member_type', jobs), ['member_type']),
    );

    if (rng.chance(0.08)) {
      const hire = rng.chance(0.7);
      const step = (hire ? 0.5 : -0.2) * ctx.res('PTCE-ETP-ANIMATION');
      team = Math.max(Math.round(0.5 * ctx.res('PTCE-ETP-ANIMATION')), Math.round(team + step));
      const why = hire
        ? 'Recrutement d’un chargé de mission à mi-temps.'
        : 'Fin d’une mise à disposition partielle.';
      note(result, 'PTCE-ETP-ANIMATION', t, why);
    }
    push(result, 'PTCE-ETP-ANIMATION', { total: team, slices: {} });

    if (rng.chance(0.3)) {
      const k = rng.weighted(Object.entries(RESOURCES));
      pooled[k] = pooled[k]! + 1;
    }
    if (rng.chance(0.06)) {
      const k = rng.weighted(Object.entries(RESOURCES));
      pooled[k] = Math.max(0, pooled[k]! - 1);
    }
    push(
      result,
      'PTCE-MUTUALISATIONS',
      marginals(ctx, cellsOf('resource_type', pooled), ['resource_type']),
    );
  });
  return result;
}
