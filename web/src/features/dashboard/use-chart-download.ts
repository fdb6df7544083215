import { type RefObject, useState } from 'react';
import { buildExportSvg, downloadBlob, type ExportLegendItem, svgToPng } from './chart-export';

export interface ChartExportSpec {
  title: string;
  subtitle: string;
  legend: ExportLegendItem[];
  /** Without extension. */
  fileName: string;
}

/**
 * Downloads the Recharts chart inside `box` as SVG or PNG (drawn on a canvas, twice the screen
 * size). `failed` turns true when there is no chart yet or the browser refuses the export.
 */
export function useChartDownload(box: RefObject<HTMLElement | null>, spec: () => ChartExportSpec) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const download = async (format: 'png' | 'svg') => {
    setFailed(false);
    const svg = box.current?.querySelector<SVGSVGElement>('svg.recharts-surface');
    if (!svg) {
      setFailed(true);
      return;
    }
    setBusy(true);
    try {
      const { fileName, ...o } = spec();
      const doc = buildExportSvg(svg, o);
      const blob =
        format === 'svg'
          ? new Blob([doc.markup], { type: 'image/svg+xml;charset=utf-8' })
          : await svgToPng(doc);
      downloadBlob(blob, `${fileName}.${format}`);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return { download, busy, failed };
}
