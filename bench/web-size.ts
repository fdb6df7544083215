// Web bundle sizes (issues 3 and 5): gzipped JavaScript a browser downloads for a page, from the
// Vite manifest of the production build (web/dist). Run after `pnpm run build`:
//   pnpm bench:web
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

const dist = path.resolve(import.meta.dirname, '../web/dist');
const manifest = (): Record<string, Chunk> =>
  JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));

/** The JS files loaded for `keys` with their static imports (what a navigation fetches). */
function closure(keys: string[]): Set<string> {
  const files = new Set<string>();
  const m = manifest();
  const visit = (key: string) => {
    const chunk = m[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const k of chunk.imports ?? []) visit(k);
  };
  for (const k of keys) visit(k);
  return files;
}

const gz = (files: Iterable<string>) => {
  let total = 0;
  for (const f of files)
    if (f.endsWith('.js'))
      total += gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length;
  return total;
};

/** Gzipped JS bytes of the first load and of each main page (first load + its chunks). */
export function webSizes(): Array<{ page: string; bytes: number; goal: number | null }> {
  const first = closure(['index.html']);
  const pages: Array<[string, string[], number | null]> = [
    ['first load (login page)', [], 200_000],
    ['entry grid', ['src/features/entry/entry-page.tsx'], 200_000],
    ['Mon trimestre', ['src/features/home/quarter-home-page.tsx'], null],
    [
      'dashboard (with the chart)',
      ['src/features/dashboard/dashboard-page.tsx', 'src/features/dashboard/trend-chart.tsx'],
      null,
    ],
  ];
  return pages.map(([page, keys, goal]) => ({
    page,
    bytes: gz(new Set([...first, ...closure(keys)])),
    goal,
  }));
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  console.log('| page | gzipped JS (first load + page chunks) | goal |');
  console.log('|---|---|---|');
  for (const r of webSizes())
    console.log(`| ${r.page} | ${kb(r.bytes)} | ${r.goal ? '≤ 200 KB' : ''} |`);
  const over = webSizes().filter((r) => r.goal !== null && r.bytes > r.goal);
  if (over.length > 0) {
    console.error(`over the 200 KB goal: ${over.map((r) => r.page).join(', ')}`);
    process.exitCode = 1;
  }
}
