import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue';
import { loadDemo, poleScopes } from './demo';
import { quarterRange } from './demo-generator/quarters';
import { generateDemoValues } from './generate-demo';

const demo = loadDemo();
const { values } = generateDemoValues(demo, loadCatalogue(), {
  seed: 'consistency',
  from: '2023Q1',
  to: '2026Q3',
});
const quarters = quarterRange('2023Q1', '2026Q3');
const cells = new Map(
  values.map((v) => [`${v.pole}|${v.scope}|${v.indicator}|${v.period}|${v.slice}`, v.value]),
);

/** Every (pole, scope) tracking all of `codes`, with a reader of its cells. */
function scopesTracking(...codes: string[]) {
  return demo.poles.flatMap((pole) =>
    poleScopes(pole)
      .filter((s) => codes.every((c) => s.indicators.includes(c)))
      .map((s) => {
        const get = (code: string, t: number, slice = '') =>
          cells.get(`${pole.slug}|${s.slug}|${code}|${quarters[t]}|${slice}`);
        return { name: `${pole.slug}/${s.slug}`, get, skip: pole.generator.skipDimensions };
      }),
  );
}

describe('generated demo values respect the consistency rules', () => {
  it('E4: members(t) = members(t−1) + entries(t) − exits(t), exactly', () => {
    const scopes = scopesTracking('PTCE-MEMBRES', 'PTCE-MEMBRES-ENTREES', 'PTCE-MEMBRES-SORTIES');
    expect(scopes).toHaveLength(3);
    for (const { name, get } of scopes) {
      for (let t = 1; t < quarters.length; t++) {
        const expected =
          get('PTCE-MEMBRES', t - 1)! +
          get('PTCE-MEMBRES-ENTREES', t)! -
          get('PTCE-MEMBRES-SORTIES', t)!;
        expect(get('PTCE-MEMBRES', t), `${name} ${quarters[t]}`).toBe(expected);
      }
    }
  });

  it('E1 per sex slice, E2 and E3 on IAE pathways', () => {
    const scopes = scopesTracking(
      'MS-SORTIES',
      'MS-SALARIES-PARCOURS',
      'MS-ENTREES-PARCOURS',
      'MS-SORTIES-POSITIVES',
    );
    expect(scopes.length).toBe(3);
    for (const { name, get, skip } of scopes) {
      const slices = [
        '',
        ...(skip.includes('sex') ? [] : ['sex=femme', 'sex=homme', 'sex=non_renseigne']),
      ];
      for (let t = 0; t < quarters.length; t++) {
        for (const s of slices) {
          const outcomes = [
            'MS-SORTIES-EMPLOI-DURABLE',
            'MS-SORTIES-EMPLOI-TRANSITION',
            'MS-SORTIES-POSITIVES',
          ];
          const sum = outcomes.reduce((n, code) => n + get(code, t, s)!, 0);
          expect(sum, `${name} ${quarters[t]} ${s}`).toBeLessThanOrEqual(get('MS-SORTIES', t, s)!);
        }
        if (t === 0) continue;
        const available = get('MS-SALARIES-PARCOURS', t - 1)! + get('MS-ENTREES-PARCOURS', t)!;
        expect(get('MS-SORTIES', t)!, name).toBeLessThanOrEqual(available);
        expect(get('MS-SALARIES-PARCOURS', t)!, name).toBeLessThanOrEqual(
          available - get('MS-SORTIES', t)!,
        );
        // W2: hours within (stock(t−1) + entries(t)) × 401.75 h × 1.2.
        expect(get('MS-HEURES-INSERTION', t)!, name).toBeLessThanOrEqual(available * 401.75 * 1.2);
      }
    }
  });

  it('E9: active case load(t) ≤ case load(t−1) + entries(t)', () => {
    const scopes = scopesTracking('DS-FILE-ACTIVE', 'DS-ENTREES-ACCOMPAGNEMENT');
    expect(scopes.length).toBe(2);
    for (const { name, get } of scopes) {
      for (let t = 1; t < quarters.length; t++) {
        const bound = get('DS-FILE-ACTIVE', t - 1)! + get('DS-ENTREES-ACCOMPAGNEMENT', t)!;
        expect(get('DS-FILE-ACTIVE', t)!, name).toBeLessThanOrEqual(bound);
      }
    }
  });

  it('E6: public + private funding ≤ total resources', () => {
    for (const { name, get } of scopesTracking(
      'PTCE-FIN-PUBLICS',
      'PTCE-FIN-PRIVES',
      'PTCE-RESSOURCES-TOTALES',
    )) {
      for (let t = 0; t < quarters.length; t++) {
        const funding = get('PTCE-FIN-PUBLICS', t)! + get('PTCE-FIN-PRIVES', t)!;
        expect(funding, name).toBeLessThanOrEqual(get('PTCE-RESSOURCES-TOTALES', t)! + 1e-6);
      }
    }
  });

  it('E7: no session means no attendance, per shared slice too; W1: reuse + recycling ≤ collected', () => {
    const pairs: Array<[string, string, string[]]> = [
      ['PTCE-REUNIONS', 'PTCE-PARTICIPATIONS-REUNIONS', []],
      ['PTCE-EVENEMENTS', 'PTCE-PARTICIPANTS-EVENEMENTS', []],
      ['DS-ACTIONS-COLLECTIVES', 'DS-PARTICIPATIONS-ACTIONS', []],
      [
        'TE-SENSIBILISATION-ACTIONS',
        'TE-SENSIBILISATION-PERSONNES',
        ['public_type=scolaires', 'public_type=grand_public'],
      ],
    ];
    let zeros = 0;
    for (const [sessions, people, slices] of pairs) {
      for (const { name, get } of scopesTracking(sessions, people)) {
        for (let t = 0; t < quarters.length; t++) {
          for (const s of ['', ...slices]) {
            if (get(sessions, t, s) !== 0) continue;
            zeros++;
            expect(get(people, t, s), `${name} ${people} ${quarters[t]} ${s}`).toBe(0);
          }
        }
      }
    }
    expect(zeros).toBeGreaterThan(0);
    for (const { name, get } of scopesTracking(
      'TE-DECHETS-COLLECTES',
      'TE-DECHETS-REEMPLOI',
      'TE-DECHETS-RECYCLES',
    )) {
      for (let t = 0; t < quarters.length; t++) {
        const out = get('TE-DECHETS-REEMPLOI', t)! + get('TE-DECHETS-RECYCLES', t)!;
        expect(out, name).toBeLessThanOrEqual(get('TE-DECHETS-COLLECTES', t)!);
      }
    }
  });
});
