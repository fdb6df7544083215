import {
  independent,
  type JointCell,
  type ModelContext,
  type ModelResult,
  marginals,
} from './context';
import { emptyResult, note, push } from './result';

/** Share of collected tonnage, reuse rate and recycling rate per waste stream. */
const STREAMS: Record<string, readonly [number, number, number]> = {
  mobilier: [0.45, 0.42, 0.38],
  deee: [0.15, 0.3, 0.55],
  textiles: [0.3, 0.55, 0.3],
  autres: [0.08, 0.3, 0.4],
  non_renseigne: [0.02, 0.2, 0.3],
};
const PUBLICS: Record<string, readonly [number, number, readonly number[]]> = {
  scolaires: [5, 24, [1, 1.1, 0.15, 1]],
  grand_public: [3, 18, [0.8, 1.2, 1.4, 0.9]],
  professionnels: [1.5, 12, [1, 1, 0.5, 1.2]],
};

/**
 * Transition écologique: waste collected, reused and recycled per stream (W1 held per stream),
 * reuse sales, awareness sessions and people (E7 held per audience) and energy saved.
 */
export function transitionEcologique(ctx: ModelContext): ModelResult {
  const { rng } = ctx;
  const result = emptyResult();
  const tonnes = ctx.res('TE-DECHETS-COLLECTES');
  const eur = ctx.res('TE-CA-REEMPLOI');
  const mwh = ctx.res('TE-ENERGIE-ECONOMISEE');
  ctx.quarters.forEach((_, t) => {
    const spike = rng.chance(0.06);
    if (spike)
      note(
        result,
        'TE-DECHETS-COLLECTES',
        t,
        'Dont une collecte exceptionnelle lors d’un débarras chez un bailleur social.',
      );
    const collected = 60 * ctx.activity(t, [0.9, 1.1, 1, 1]) * (spike ? 1.3 : 1);
    const cells: Record<'in' | 'reuse' | 'recycle', JointCell[]> = {
      in: [],
      reuse: [],
      recycle: [],
    };
    for (const [stream, [share, reuse, recycle]] of Object.entries(STREAMS)) {
      const attrs = { waste_stream: stream };
      const inUnits = Math.max(
        0,
        Math.round(collected * share * (1 + rng.normal(0, 0.08)) * tonnes),
      );
      const r = Math.min(0.6, Math.max(0, reuse + rng.normal(0, 0.03)));
      const s = Math.min(0.95 - r, Math.max(0, recycle + rng.normal(0, 0.03)));
      cells.in.push({ attrs, value: inUnits });
      cells.reuse.push({ attrs, value: Math.floor(inUnits * r) });
      cells.recycle.push({ attrs, value: Math.floor(inUnits * s) });
    }
    push(result, 'TE-DECHETS-COLLECTES', marginals(ctx, cells.in, ['waste_stream']));
    const reused = marginals(ctx, cells.reuse, ['waste_stream']);
    push(result, 'TE-DECHETS-REEMPLOI', reused);
    push(result, 'TE-DECHETS-RECYCLES', marginals(ctx, cells.recycle, ['waste_stream']));
    const price = 650 * (1 + rng.normal(0, 0.06));
    push(result, 'TE-CA-REEMPLOI', {
      total: Math.round((reused.total / tonnes) * price * eur),
      slices: {},
    });

    const sessions: JointCell[] = [];
    const people: JointCell[] = [];
    for (const [publicType, [perQuarter, size, season]] of Object.entries(PUBLICS)) {
      const attrs = { public_type: publicType };
      const n = rng.poisson(perQuarter * ctx.activity(t, season));
      let p = 0;
      for (let i = 0; i < n; i++) p += Math.max(3, Math.round(rng.normal(size, size / 4)));
      sessions.push({ attrs, value: n });
      people.push({ attrs, value: p });
    }
    push(result, 'TE-SENSIBILISATION-ACTIONS', marginals(ctx, sessions, ['public_type']));
    push(result, 'TE-SENSIBILISATION-PERSONNES', marginals(ctx, people, ['public_type']));

    const works = rng.chance(0.35) ? rng.int(3, 40) * ctx.scale : 0;
    push(result, 'TE-ENERGIE-ECONOMISEE', independent(ctx, Math.round(works * mwh), []));
    if (works >= 30) {
      note(
        result,
        'TE-ENERGIE-ECONOMISEE',
        t,
        'Rénovation thermique d’un bâtiment membre achevée (estimation du bureau d’études).',
      );
    }
  });
  return result;
}
