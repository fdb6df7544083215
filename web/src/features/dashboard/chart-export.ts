/** A legend entry of an exported chart. */
export interface ExportLegendItem {
  label: string;
  color: string;
  dash: string | undefined;
  width: number;
}

/** A standalone SVG document and its size in CSS pixels. */
export interface ExportedSvg {
  markup: string;
  width: number;
  height: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, sans-serif';
const PAD = 16;

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A standalone SVG for slides from the chart as drawn on screen: white background, title and
 * subtitle above, legend below, explicit size and font, no CSS needed. The hover state (tooltip
 * cursor, active dot) and the interactive attributes are left out.
 */
export function buildExportSvg(
  chart: SVGSVGElement,
  o: { title: string; subtitle?: string; legend: readonly ExportLegendItem[] },
): ExportedSvg {
  const chartWidth = Math.round(Number(chart.getAttribute('width')) || chart.clientWidth || 800);
  const chartHeight = Math.round(Number(chart.getAttribute('height')) || chart.clientHeight || 320);
  const clone = chart.cloneNode(true) as SVGSVGElement;
  for (const a of ['role', 'tabindex', 'style', 'class']) clone.removeAttribute(a);
  for (const el of clone.querySelectorAll('.recharts-tooltip-cursor, .recharts-active-dot'))
    el.remove();
  const top = PAD + 20 + (o.subtitle ? 20 : 0) + 8;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('x', String(PAD));
  clone.setAttribute('y', String(top));
  clone.setAttribute('width', String(chartWidth));
  clone.setAttribute('height', String(chartHeight));
  const width = chartWidth + 2 * PAD;
  const legendY = top + chartHeight + 22;
  const height = legendY + PAD;
  let x = PAD;
  const legend = o.legend.map((item) => {
    const g = `<g transform="translate(${x} ${legendY})"><line x1="0" y1="-4" x2="26" y2="-4" stroke="${item.color}" stroke-width="${item.width}"${item.dash ? ` stroke-dasharray="${item.dash}"` : ''}/><text x="32" y="0" font-size="13" fill="#1b1f24">${escapeXml(item.label)}</text></g>`;
    x += 32 + item.label.length * 7.5 + 24;
    return g;
  });
  const markup = [
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${PAD}" y="${PAD + 16}" font-size="17" font-weight="700" fill="#1b1f24">${escapeXml(o.title)}</text>`,
    o.subtitle
      ? `<text x="${PAD}" y="${PAD + 36}" font-size="13" fill="#56606b">${escapeXml(o.subtitle)}</text>`
      : '',
    new XMLSerializer().serializeToString(clone),
    ...legend,
    '</svg>',
  ].join('');
  return { markup, width, height };
}

/**
 * Draws an SVG document on a canvas at `scale` × its size and encodes it as PNG.
 * @throws when the browser cannot decode the SVG or encode the canvas.
 */
export async function svgToPng(svg: ExportedSvg, scale = 2): Promise<Blob> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.markup)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(svg.width * scale);
  canvas.height = Math.round(svg.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, svg.width, svg.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

/** Saves a blob under `filename` through a temporary link. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `evolution-te-dechets-collectes-transition-ecologique-2023q4-2026q3` (file-system safe). */
export function exportFileName(parts: readonly string[]): string {
  return ['evolution', ...parts]
    .join('-')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
