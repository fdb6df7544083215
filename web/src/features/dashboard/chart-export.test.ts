import { describe, expect, it } from 'vitest';
import { buildExportSvg, exportFileName } from './chart-export';

function chartSvg(): SVGSVGElement {
  const host = document.createElement('div');
  host.innerHTML =
    '<svg class="recharts-surface" role="application" tabindex="0" width="600" height="300" style="display:block" xmlns="http://www.w3.org/2000/svg"><title>Évolution</title><path class="recharts-tooltip-cursor" d="M0 0"/><circle class="trend-dot" cx="1" cy="2" r="4"/><circle class="recharts-active-dot" cx="1" cy="2" r="6"/></svg>';
  return host.querySelector('svg')!;
}

describe('buildExportSvg', () => {
  const out = buildExportSvg(chartSvg(), {
    title: 'Évolution — Tonnes & "réemploi"',
    subtitle: 'T4 2023 – T3 2026',
    legend: [{ label: 'Valeur', color: '#0b5cad', dash: undefined, width: 3 }],
  });
  const doc = new DOMParser().parseFromString(out.markup, 'image/svg+xml');

  it('is a well-formed standalone SVG sized around the chart', () => {
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(out).toMatchObject({ width: 632, height: 64 + 300 + 22 + 16 });
    expect(doc.documentElement.getAttribute('width')).toBe('632');
  });

  it('writes the escaped title, the subtitle and the legend', () => {
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toEqual(['Évolution — Tonnes & "réemploi"', 'T4 2023 – T3 2026', 'Valeur']);
  });

  it('keeps the drawing but not the hover state nor the interactive attributes', () => {
    const inner = doc.documentElement.querySelector('svg')!;
    expect(inner.getAttribute('role')).toBeNull();
    expect(inner.getAttribute('tabindex')).toBeNull();
    expect(inner.querySelectorAll('.trend-dot')).toHaveLength(1);
    expect(inner.querySelector('.recharts-tooltip-cursor, .recharts-active-dot')).toBeNull();
  });
});

describe('exportFileName', () => {
  it.each([
    [
      ['TE-DECHETS-COLLECTES', 'transition-ecologique', '2023Q4', '2026Q3', 'quarter'],
      'evolution-te-dechets-collectes-transition-ecologique-2023q4-2026q3-quarter',
    ],
    [['Énergie économisée', 'pôle'], 'evolution-energie-economisee-pole'],
  ])('%j → %s', (parts, expected) => {
    expect(exportFileName(parts)).toBe(expected);
  });
});
