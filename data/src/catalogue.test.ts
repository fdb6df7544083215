import { CatalogueSchema, INTEGER_UNITS } from '@ptce/shared/catalogue.schema';
import { describe, expect, it } from 'vitest';
import raw from '../catalogue.json' with { type: 'json' };
import { indicatorsByCode, loadCatalogue } from './catalogue';

const catalogue = loadCatalogue();
const dimensions = new Map(catalogue.dimensions.map((d) => [d.code, d]));
const byCode = indicatorsByCode(catalogue);

const DECIMALS = { count: 0, persons: 0, hours: 0, fte: 1, tonnes: 1, mwh: 1, eur: 2, percent: 1 };

describe('catalogue.json', () => {
  it('parses against CatalogueSchema and loadCatalogue returns it', () => {
    expect(CatalogueSchema.safeParse(raw).success).toBe(true);
    expect(catalogue.version).toMatch(/^\d{4}\.\d+\.\d+$/);
  });

  it('holds 45 indicators with unique codes, in the four themes', () => {
    expect(catalogue.indicators).toHaveLength(45);
    expect(byCode.size).toBe(45);
    const themes = new Set(catalogue.indicators.map((i) => i.theme));
    expect([...themes].sort()).toEqual([
      'developpement_social',
      'mobilite_sociale',
      'ptce',
      'transition_ecologique',
    ]);
  });

  it('declares each dimension once, with non_renseigne, and working_group from the pole groups', () => {
    expect(dimensions.size).toBe(catalogue.dimensions.length);
    for (const d of catalogue.dimensions) {
      expect(
        d.members.map((m) => m.code),
        d.code,
      ).toContain('non_renseigne');
      expect(new Set(d.members.map((m) => m.code)).size, d.code).toBe(d.members.length);
      expect(d.poleGroups, d.code).toBe(d.code === 'working_group');
    }
    expect(dimensions.get('working_group')!.members.map((m) => m.code)).toEqual([
      'transversal',
      'non_renseigne',
    ]);
  });

  it('refers only to declared dimensions in breakdowns', () => {
    for (const i of catalogue.indicators) {
      for (const b of i.breakdowns) expect(dimensions.has(b), `${i.code} → ${b}`).toBe(true);
    }
  });

  it('builds every ratio from existing entered indicators and valid slices', () => {
    const ratios = catalogue.indicators.filter((i) => i.kind === 'ratio');
    expect(ratios.map((r) => r.code).sort()).toEqual([
      'DS-PART-QPV',
      'MS-TAUX-SORTIES-DYNAMIQUES',
      'PTCE-PART-FIN-PUBLICS',
      'TE-TAUX-REEMPLOI',
      'TE-TAUX-VALORISATION',
    ]);
    for (const r of ratios) {
      expect(r.breakdowns, r.code).toEqual([]);
      expect(r.numerator!.length * r.denominator!.length, r.code).toBeGreaterThan(0);
      for (const term of [...r.numerator!, ...r.denominator!]) {
        const target = byCode.get(term.indicator);
        expect(target?.kind, `${r.code} → ${term.indicator}`).toMatch(/^(flow|stock)$/);
        if (term.slice === null) continue;
        const [dim, member] = term.slice.split('=');
        expect(target!.breakdowns, term.slice).toContain(dim);
        expect(
          dimensions.get(dim!)!.members.map((m) => m.code),
          term.slice,
        ).toContain(member);
      }
    }
    expect(byCode.get('DS-PART-QPV')!.numerator).toEqual([
      { indicator: 'DS-ENTREES-ACCOMPAGNEMENT', slice: 'residence=qpv' },
    ]);
  });

  it('sets decimals, scale and bounds by unit and kind', () => {
    for (const i of catalogue.indicators) {
      expect(i.decimals, i.code).toBe(DECIMALS[i.unit]);
      const ratio = i.kind === 'ratio';
      expect(i.scale, i.code).toBe(i.unit === 'percent' ? 100 : 1);
      expect([i.min, i.max === null], i.code).toEqual(ratio ? [null, true] : [0, false]);
      expect(i.numerator === null, i.code).toBe(!ratio);
      if (INTEGER_UNITS.includes(i.unit)) expect(i.decimals).toBe(0);
      expect(i.definitionEn.length, i.code).toBeGreaterThan(20);
    }
  });
});
