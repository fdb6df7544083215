import { INTEGER_UNITS } from '@ptce/shared/catalogue.schema';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue';
import { loadDemo, poleScopes } from './demo';
import { quarterRange } from './demo-generator/quarters';
import { type DemoValue, generateDemoValues } from './generate-demo';

const catalogue = loadCatalogue();
const demo = loadDemo();
const byCode = new Map(catalogue.indicators.map((i) => [i.code, i]));
const dimensions = new Map(catalogue.dimensions.map((d) => [d.code, d]));
const options = { seed: 2026, from: '2023Q1', to: '2026Q3' };
const { values, targets } = generateDemoValues(demo, catalogue, options);
const quarters = quarterRange(options.from, options.to);

const close = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('generateDemoValues: determinism', () => {
  it('gives identical output for the same seed and different output for another', () => {
    expect(generateDemoValues(demo, catalogue, options)).toEqual({ values, targets });
    const other = generateDemoValues(demo, catalogue, { ...options, seed: 7 });
    expect(other.values.length).toBeGreaterThan(0);
    expect(other.values.map((v) => v.value)).not.toEqual(values.map((v) => v.value));
  });

  it('keeps earlier quarters unchanged when the range grows by a quarter', () => {
    const shorter = generateDemoValues(demo, catalogue, { ...options, to: '2026Q2' }).values;
    expect(values.filter((v) => v.period !== '2026Q3')).toEqual(shorter);
  });

  it('rejects a malformed quarter, an empty range and an unknown indicator', () => {
    expect(() => generateDemoValues(demo, catalogue, { ...options, to: '2026-09' })).toThrow(
      /quarter/,
    );
    expect(() => generateDemoValues(demo, catalogue, { ...options, to: '2022Q4' })).toThrow(
      /empty/,
    );
    const broken = structuredClone(demo);
    broken.poles[0]!.poleIndicators.push('PTCE-INCONNU');
    expect(() => generateDemoValues(broken, catalogue, options)).toThrow(/PTCE-INCONNU/);
  });
});

describe('generateDemoValues: cells', () => {
  it('fills the total of every tracked entered indicator, every quarter, and never a ratio', () => {
    const totals = new Set(
      values
        .filter((v) => v.slice === '')
        .map((v) => `${v.pole}|${v.scope}|${v.indicator}|${v.period}`),
    );
    let expected = 0;
    for (const pole of demo.poles) {
      for (const scope of poleScopes(pole)) {
        for (const code of scope.indicators.filter((c) => byCode.get(c)!.kind !== 'ratio')) {
          for (const q of quarters)
            expect(totals.has(`${pole.slug}|${scope.slug}|${code}|${q}`)).toBe(true);
          expected += quarters.length;
        }
      }
    }
    expect(totals.size).toBe(expected);
    expect(values.filter((v) => byCode.get(v.indicator)!.kind === 'ratio')).toEqual([]);
  });

  it('uses integers for integer units, the catalogue decimals otherwise, within bounds', () => {
    for (const v of values) {
      const i = byCode.get(v.indicator)!;
      if (INTEGER_UNITS.includes(i.unit))
        expect(Number.isInteger(v.value), `${v.indicator} ${v.value}`).toBe(true);
      const scaled = v.value * 10 ** i.decimals;
      expect(Math.abs(scaled - Math.round(scaled)), `${v.indicator} ${v.value}`).toBeLessThan(1e-6);
      expect(v.value).toBeGreaterThanOrEqual(i.min!);
      expect(v.value).toBeLessThanOrEqual(i.max!);
    }
  });

  it('sums every dimension of every breakdown exactly to its total, members all present', () => {
    const groups = new Map<string, DemoValue[]>();
    for (const v of values) {
      const key = `${v.pole}|${v.scope}|${v.indicator}|${v.period}`;
      groups.set(key, [...(groups.get(key) ?? []), v]);
    }
    for (const [key, cells] of groups) {
      const total = cells.find((c) => c.slice === '')!.value;
      const pole = demo.poles.find((p) => key.startsWith(`${p.slug}|`))!;
      const indicator = byCode.get(cells[0]!.indicator)!;
      for (const dim of indicator.breakdowns) {
        const slices = cells.filter((c) => c.slice.startsWith(`${dim}=`));
        if (pole.generator.skipDimensions.includes(dim)) {
          expect(slices, key).toEqual([]);
          continue;
        }
        const d = dimensions.get(dim)!;
        const members = [
          ...(d.poleGroups ? pole.groups.map((g) => g.slug) : []),
          ...d.members.map((m) => m.code),
        ];
        expect(
          slices.map((s) => s.slice.split('=')[1]),
          key,
        ).toEqual(members);
        const sum = slices.reduce((s, c) => s + c.value, 0);
        expect(close(sum, total), `${key} ${dim}: ${sum} ≠ ${total}`).toBe(true);
      }
    }
  });

  it('fills every breakdown for Hénin-Carvin and skips some for the demo poles', () => {
    const filled = (pole: string) =>
      new Set(values.filter((v) => v.pole === pole && v.slice).map((v) => v.slice.split('=')[0]));
    expect(filled('henin-carvin').size).toBe(catalogue.dimensions.length);
    expect(filled('demo-littoral').has('age_band')).toBe(false);
  });

  it('adds a few French comments, on totals only', () => {
    const commented = values.filter((v) => v.comment !== null);
    expect(commented.length).toBeGreaterThan(5);
    expect(commented.length).toBeLessThan(values.filter((v) => v.slice === '').length / 10);
    for (const v of commented) expect(v.slice).toBe('');
  });
});

describe('generateDemoValues: targets', () => {
  it('sets one target per scope, entered indicator and year, rounded like the values', () => {
    const keys = new Set(targets.map((t) => `${t.pole}|${t.scope}|${t.indicator}|${t.year}`));
    expect(keys.size).toBe(targets.length);
    const entered = new Set(
      values.filter((v) => v.slice === '').map((v) => `${v.pole}|${v.scope}|${v.indicator}`),
    );
    expect(targets.length).toBe(entered.size * 4);
    for (const t of targets) {
      const i = byCode.get(t.indicator)!;
      expect(i.kind).not.toBe('ratio');
      expect(t.year).toBeGreaterThanOrEqual(2023);
      expect(t.year).toBeLessThanOrEqual(2026);
      expect(t.value).toBeGreaterThanOrEqual(0);
      if (INTEGER_UNITS.includes(i.unit)) expect(Number.isInteger(t.value)).toBe(true);
    }
  });

  it('sets a stock target slightly above the previous year-end', () => {
    const value = (period: string) =>
      values.find(
        (v) =>
          v.pole === 'henin-carvin' &&
          v.indicator === 'DS-FILE-ACTIVE' &&
          v.period === period &&
          v.slice === '',
      )!.value;
    const target = targets.find(
      (t) => t.pole === 'henin-carvin' && t.indicator === 'DS-FILE-ACTIVE' && t.year === 2025,
    )!;
    expect(target.value).toBe(Math.ceil(value('2024Q4') * 1.11));
  });
});
