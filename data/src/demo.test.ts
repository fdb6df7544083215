import { describe, expect, it } from 'vitest';
import raw from '../demo.json' with { type: 'json' };
import { loadCatalogue } from './catalogue';
import { DemoDefinitionSchema, loadDemo, poleScopes } from './demo';

const demo = loadDemo();
const codes = new Set(loadCatalogue().indicators.map((i) => i.code));

describe('demo.json', () => {
  it('parses against DemoDefinitionSchema', () => {
    expect(DemoDefinitionSchema.safeParse(raw).success).toBe(true);
    expect(demo.regions).toEqual([{ code: 'HDF', name: 'Hauts-de-France' }]);
  });

  it('has the PTCE Hénin-Carvin with its three working groups and the pole scope', () => {
    const pole = demo.poles.find((p) => p.slug === 'henin-carvin')!;
    expect([pole.name, pole.region]).toEqual(['PTCE Hénin-Carvin', 'HDF']);
    expect(poleScopes(pole).map((s) => s.slug)).toEqual([
      'pole',
      'transition-ecologique',
      'developpement-social',
      'mobilite-sociale',
    ]);
    expect(poleScopes(pole).reduce((n, s) => n + s.indicators.length, 0)).toBe(codes.size);
  });

  it('names the other poles as fictional demos of region HDF', () => {
    for (const p of demo.poles.filter((x) => x.slug !== 'henin-carvin')) {
      expect(p.name, p.slug).toMatch(/démo.*\(fictif\)/);
      expect(p.region).toBe('HDF');
      expect(p.groups.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('tracks only catalogue indicators, each once per scope', () => {
    for (const pole of demo.poles) {
      for (const scope of poleScopes(pole)) {
        for (const code of scope.indicators)
          expect(codes.has(code), `${pole.slug}/${scope.slug}: ${code}`).toBe(true);
        expect(new Set(scope.indicators).size, scope.slug).toBe(scope.indicators.length);
      }
    }
  });

  it('lists the four demo accounts with their scopes', () => {
    expect(demo.accounts.map((a) => [a.email, a.memberships])).toEqual([
      ['coordination@henin-carvin.demo', [{ role: 'coordinator', pole: 'henin-carvin' }]],
      ['bureau@henin-carvin.demo', [{ role: 'board', pole: 'henin-carvin' }]],
      ['cress@hdf.demo', [{ role: 'cress', region: 'HDF' }]],
      ['admin@ptce-suivi.demo', [{ role: 'admin' }]],
    ]);
  });

  it('rejects an account on an unknown pole and a reserved group slug', () => {
    const bad = structuredClone(raw);
    bad.accounts[0]!.memberships = [{ role: 'coordinator', pole: 'nulle-part' }];
    expect(DemoDefinitionSchema.safeParse(bad).success).toBe(false);
    const reserved = structuredClone(raw);
    reserved.poles[0]!.groups[0]!.slug = 'transversal';
    expect(DemoDefinitionSchema.safeParse(reserved).success).toBe(false);
  });
});
