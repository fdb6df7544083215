import {
  independent,
  type JointCell,
  type ModelContext,
  type ModelResult,
  marginals,
} from './context';
import { emptyResult, note, push, totalAt } from './result';

/** Funders: [type, chance of an award in a quarter, min €, max €, only in this quarter?]. */
type Funder = readonly [string, number, number, number, number | null];
const PUBLIC: Funder[] = [
  ['region', 0.9, 25_000, 45_000, 1],
  ['epci_commune', 0.8, 5_000, 15_000, 1],
  ['etat', 0.25, 10_000, 35_000, null],
  ['departement', 0.3, 5_000, 15_000, null],
  ['europe', 0.05, 60_000, 90_000, null],
];
const PRIVATE: Funder[] = [
  ['fondation', 0.2, 5_000, 20_000, null],
  ['entreprise', 0.3, 1_000, 8_000, null],
  ['financeur_solidaire', 0.08, 10_000, 30_000, null],
  ['autre', 0.2, 500, 3_000, null],
];
const FTE_STEPS = [0.5, 0.6, 0.8, 1, 1, 1];
const SALES = {
  entreprise_ess: 0.65,
  entreprise_hors_ess: 0.28,
  collectivite: 0,
  recherche_enseignement_formation: 0,
  autre: 0.05,
};
const IN_KIND: Record<string, readonly [number, number]> = {
  locaux: [3_000, 5_000],
  personnel: [2_000, 6_000],
  equipement: [0, 2_000],
  competences: [1_000, 4_000],
  achats_groupes: [0, 0],
};

/**
 * The pole's economic results and funding: jobs created and safeguarded, new activities,
 * revenue, public and private funding (E6: both within total resources, which add fees and
 * services), in-kind contributions. `members` supplies PTCE-MEMBRES for membership fees.
 */
export function ptceEconomy(ctx: ModelContext, members: ModelResult): ModelResult {
  const { rng } = ctx;
  const result = emptyResult();
  const groups = ctx.members('working_group').filter((m) => m !== 'non_renseigne');
  const groupWeights = Object.fromEntries(groups.map((g) => [g, g === 'transversal' ? 0.4 : 1]));
  const eur = ctx.res('PTCE-RESSOURCES-TOTALES');
  const amount = (min: number, max: number) =>
    Math.round((rng.int(min, max) * ctx.scale) / 100) * 100 * eur;
  const posts = (code: string, mean: number, t: number, sex: boolean) => {
    const cells: JointCell[] = [];
    for (let i = rng.poisson(mean * ctx.activity(t)); i > 0; i--) {
      const attrs: Record<string, string> = {
        working_group: rng.weighted(Object.entries(groupWeights)),
      };
      if (sex)
        attrs.sex = rng.weighted([
          ['femme', 0.52],
          ['homme', 0.46],
          ['non_renseigne', 0.02],
        ]);
      cells.push({
        attrs,
        value: Math.round(FTE_STEPS[rng.int(0, FTE_STEPS.length - 1)]! * ctx.res(code)),
      });
    }
    push(result, code, marginals(ctx, cells, sex ? ['working_group', 'sex'] : ['working_group']));
  };
  const awards = (funders: Funder[], t: number): JointCell[] =>
    funders.map(([type, chance, min, max, quarter]) => {
      const due = (quarter === null || quarter === ctx.quarterOf(t)) && rng.chance(chance);
      return { attrs: { funder_type: type }, value: due ? amount(min, max) : 0 };
    });
  ctx.quarters.forEach((_, t) => {
    posts('PTCE-EMPLOIS-CREES', 2.2, t, true);
    posts('PTCE-EMPLOIS-MAINTENUS', 1.2, t, false);
    const activities = rng.poisson(0.35 * ctx.activity(t));
    push(
      result,
      'PTCE-ACTIVITES-CREEES',
      independent(ctx, activities, [['working_group', { ...groupWeights, non_renseigne: 0 }]]),
    );
    const revenue = Math.max(
      0,
      Math.round(70_000 * ctx.activity(t) * (1 + rng.normal(0, 0.15)) * eur),
    );
    push(result, 'PTCE-CA-GENERE', independent(ctx, revenue, [['member_type', SALES]]));

    const publicCells = awards(PUBLIC, t);
    const privateCells = awards(PRIVATE, t);
    const publicFunding = marginals(ctx, publicCells, ['funder_type']);
    const privateFunding = marginals(ctx, privateCells, ['funder_type']);
    push(result, 'PTCE-FIN-PUBLICS', publicFunding);
    push(result, 'PTCE-FIN-PRIVES', privateFunding);
    if ((publicCells.find((c) => c.attrs.funder_type === 'europe')?.value ?? 0) > 0) {
      note(
        result,
        'PTCE-FIN-PUBLICS',
        t,
        'Aide FSE+ pluriannuelle notifiée en entier ce trimestre (ne pas la répartir).',
      );
    }
    const fees = ctx.quarterOf(t) === 1 ? totalAt(members, 'PTCE-MEMBRES', t) * 150 * eur : 0;
    const services = amount(5_000, 15_000);
    const resources = publicFunding.total + privateFunding.total + fees + services;
    push(result, 'PTCE-RESSOURCES-TOTALES', { total: resources, slices: {} });

    const inKind = Object.entries(IN_KIND).map(([k, [min, max]]) => ({
      attrs: { resource_type: k },
      value: amount(min, max),
    }));
    push(result, 'PTCE-VALO-NATURE', marginals(ctx, inKind, ['resource_type']));
  });
  return result;
}
