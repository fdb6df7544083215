import {
  independent,
  type JointCell,
  type ModelContext,
  type ModelResult,
  marginals,
  SEASON,
} from './context';
import { emptyResult, note, push, totalAt } from './result';

/** Typical attendance at a meeting, by type. */
const ATTENDANCE = { ag: 30, ca_bureau: 7, comite_pilotage: 12, groupe_de_travail: 8 };
/** Event types: relative frequency and typical attendance (W4: far below 500). */
const EVENTS: ReadonlyArray<readonly [string, number, number]> = [
  ['seminaire', 0.2, 50],
  ['forum', 0.12, 120],
  ['atelier', 0.43, 20],
  ['visite', 0.2, 15],
  ['autre', 0.05, 30],
];
const ATTENDEE_TYPES = {
  entreprise_ess: 0.45,
  entreprise_hors_ess: 0.15,
  collectivite: 0.15,
  recherche_enseignement_formation: 0.08,
  autre: 0.15,
};
const EVENT_PUBLIC = {
  entreprise_ess: 0.3,
  entreprise_hors_ess: 0.12,
  collectivite: 0.1,
  recherche_enseignement_formation: 0.08,
  autre: 0.35,
  non_renseigne: 0.05,
};

/**
 * The pole's collective life: governance and working-group meetings (AG every Q2), events
 * and active cooperative projects per working group. Rule E7 holds per working group.
 * `members` supplies PTCE-MEMBRES (the AG attendance follows the member count).
 */
export function ptceActivity(ctx: ModelContext, members: ModelResult): ModelResult {
  const { rng } = ctx;
  const result = emptyResult();
  const groups = ctx
    .members('working_group')
    .filter((m) => m !== 'transversal' && m !== 'non_renseigne');
  const projects: Record<string, number> = { transversal: Math.round(2 * ctx.scale) };
  for (const g of groups) projects[g] = rng.poisson(2.5 * ctx.scale);
  ctx.quarters.forEach((_, t) => {
    const meetings: JointCell[] = [];
    const attendances: JointCell[] = [];
    const meet = (type: keyof typeof ATTENDANCE, group: string, people: number) => {
      const attrs = { meeting_type: type, working_group: group };
      meetings.push({ attrs, value: 1 });
      attendances.push({ attrs, value: Math.max(2, Math.round(people)) });
    };
    if (ctx.quarterOf(t) === 2) {
      meet(
        'ag',
        'transversal',
        Math.max(ATTENDANCE.ag / 2, 1.6 * totalAt(members, 'PTCE-MEMBRES', t)),
      );
      note(result, 'PTCE-REUNIONS', t, 'Dont l’assemblée générale annuelle (juin).');
    }
    for (let i = rng.int(2, 3); i > 0; i--)
      meet('ca_bureau', 'transversal', rng.normal(ATTENDANCE.ca_bureau, 1.5));
    if (rng.chance(0.6))
      meet('comite_pilotage', 'transversal', rng.normal(ATTENDANCE.comite_pilotage, 3));
    for (const g of groups) {
      for (let i = rng.poisson(2.2 * SEASON[ctx.quarterOf(t) - 1]!); i > 0; i--) {
        meet('groupe_de_travail', g, rng.normal(ATTENDANCE.groupe_de_travail, 2));
      }
    }
    push(result, 'PTCE-REUNIONS', marginals(ctx, meetings, ['meeting_type', 'working_group']));
    const attended = marginals(ctx, attendances, ['working_group']);
    attended.slices.member_type = independent(ctx, attended.total, [
      ['member_type', ATTENDEE_TYPES],
    ]).slices.member_type!;
    push(result, 'PTCE-PARTICIPATIONS-REUNIONS', attended);

    const events: JointCell[] = [];
    let participants = 0;
    for (let i = rng.poisson(2 * ctx.activity(t, [1, 1.2, 0.4, 1.2])); i > 0; i--) {
      const type = rng.weighted(EVENTS.map(([k, w]) => [k, w] as const));
      const size = EVENTS.find(([k]) => k === type)![2];
      events.push({ attrs: { event_type: type }, value: 1 });
      participants += Math.max(5, Math.round(rng.normal(size, size / 3) * Math.sqrt(ctx.scale)));
    }
    push(result, 'PTCE-EVENEMENTS', marginals(ctx, events, ['event_type']));
    push(
      result,
      'PTCE-PARTICIPANTS-EVENEMENTS',
      independent(ctx, participants, [['member_type', EVENT_PUBLIC]]),
    );
    if (events.length === 0)
      note(
        result,
        'PTCE-EVENEMENTS',
        t,
        'Pas d’événement ce trimestre : reprise prévue au trimestre suivant.',
      );

    for (const k of Object.keys(projects)) {
      const closed = rng.binomial(projects[k]!, 0.07);
      projects[k] =
        projects[k]! - closed + rng.poisson((k === 'transversal' ? 0.15 : 0.25) * ctx.activity(t));
    }
    const projectCells = Object.entries(projects).map(([g, value]) => ({
      attrs: { working_group: g },
      value,
    }));
    push(result, 'PTCE-PROJETS-ACTIFS', marginals(ctx, projectCells, ['working_group']));
  });
  return result;
}
