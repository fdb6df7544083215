import { describe, expect, it } from 'vitest';
import { NARROW_NBSP } from './format';
import { RULES, ruleIds } from './rules';
import { catalogueFixture } from './test-fixtures/catalogue.fixture';
import { issuesOf, PREV, run, SCOPES, v } from './test-fixtures/rules.fixture';

describe('evaluateRules', () => {
  it('declares each rule once, in order', () => {
    const ids = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9'];
    const warnings = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7'];
    expect(ruleIds()).toEqual([...ids, ...warnings, 'O1', 'O2', 'O3']);
    expect(RULES).toHaveLength(19);
  });

  it('declares only indicators of the catalogue', () => {
    const codes = new Set(catalogueFixture.indicators.map((i) => i.code));
    const text = JSON.stringify(RULES);
    for (const [, code] of text.matchAll(/"(?:indicator|sessions|attendances)":"([^"]+)"/g)) {
      expect(codes.has(code ?? '')).toBe(true);
    }
  });

  it('yields nothing when an input is missing', () => {
    expect(run([v('MS-SORTIES', 13), v('MS-SALARIES-PARCOURS', 1, '', PREV)])).toEqual([]);
    expect(run([v('PTCE-MEMBRES', 99), v('PTCE-MEMBRES-ENTREES', 1)])).toEqual([]);
  });

  it('yields nothing for a scope not tracking the indicators', () => {
    const cells = [
      v('MS-SORTIES', 13),
      v('MS-SALARIES-PARCOURS', 10, '', PREV),
      v('MS-ENTREES-PARCOURS', 2),
    ];
    expect(issuesOf('E2', cells)).toHaveLength(1);
    const partial = [
      { slug: 'mobilite-sociale', indicators: ['MS-SORTIES', 'MS-ENTREES-PARCOURS'] },
    ];
    expect(run(cells, { scopes: partial })).toEqual([]);
    const moved = cells.map((c) => ({ ...c, scope: 'pole' }));
    expect(run(moved)).toEqual([]);
  });

  it('lists the checked quarter’s cells and formats French numbers', () => {
    const cells = [
      v('PTCE-FIN-PUBLICS', 80_000.5),
      v('PTCE-FIN-PRIVES', 30_000),
      v('PTCE-RESSOURCES-TOTALES', 100_000),
    ];
    const [issue] = issuesOf('E6', cells);
    expect(issue?.cells).toEqual([
      { scope: 'pole', indicator: 'PTCE-FIN-PUBLICS', slice: '' },
      { scope: 'pole', indicator: 'PTCE-FIN-PRIVES', slice: '' },
      { scope: 'pole', indicator: 'PTCE-RESSOURCES-TOTALES', slice: '' },
    ]);
    expect(issue?.messageFr).toContain(`80${NARROW_NBSP}000,5`);
    expect(issue?.messageEn).toContain('80,000.5');
  });

  it('names the slice and the indicator in messages', () => {
    const [e1] = issuesOf('E1', [
      v('MS-SORTIES', 4, 'sex=femme'),
      v('MS-SORTIES-POSITIVES', 5, 'sex=femme'),
    ]);
    expect(e1?.messageFr).toMatch(/^Sexe\u00a0: Femme — /);
    expect(e1?.cells.map((c) => c.slice)).toEqual(['sex=femme', 'sex=femme']);
    const [e8] = issuesOf('E8', [v('PTCE-REUNIONS', 1.5)]);
    expect(e8?.messageFr).toBe('Réunions\u00a0: 1,5 n’est pas un nombre entier.');
  });

  it('reports a value below a positive minimum', () => {
    const catalogue = {
      ...catalogueFixture,
      indicators: catalogueFixture.indicators.map((i) =>
        i.code === 'PTCE-MEMBRES' ? { ...i, min: 2 } : i,
      ),
    };
    expect(issuesOf('E8', [v('PTCE-MEMBRES', 1)], { catalogue })[0]?.params).toMatchObject({
      min: 2,
    });
    expect(issuesOf('E8', [v('PTCE-MEMBRES', 2)], { catalogue })).toEqual([]);
  });

  it('ignores cells of other periods and unknown indicators', () => {
    expect(
      run([v('PTCE-REUNIONS', -1, '', '2024Q1'), { ...v('PTCE-REUNIONS', -1), indicator: 'NOPE' }]),
    ).toEqual([]);
  });

  it('refuses an invalid period', () => {
    expect(() => run([], { period: '2025Q5' })).toThrow(RangeError);
  });

  it('skips t−1 rules on 2000Q1', () => {
    const cells = [
      v('DS-FILE-ACTIVE', 31, '', '2000Q1'),
      v('DS-ENTREES-ACCOMPAGNEMENT', 5, '', '2000Q1'),
    ];
    expect(run(cells, { period: '2000Q1' })).toEqual([]);
  });

  it('keeps scope order then rule order', () => {
    const cells = [
      v('PTCE-REUNIONS', -1),
      v('MS-SORTIES', 1),
      v('MS-SORTIES-POSITIVES', 2),
      v('DS-FILE-ACTIVE', 0.5),
    ];
    expect(run(cells).map((i) => `${i.scope}:${i.rule}`)).toEqual([
      'pole:E8',
      'developpement-social:E8',
      'mobilite-sociale:E1',
    ]);
    expect(SCOPES.map((s) => s.slug)[0]).toBe('pole');
  });
});
