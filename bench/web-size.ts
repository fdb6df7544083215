// Web bundle sizes (issues 3, 5 and 12): gzipped JavaScript a browser downloads for a page, from
// the Vite manifest of the production build (web/dist). Run after `pnpm run build`:
//   pnpm bench:web
// Sizes and goals are in KB of 1000 bytes (the goals always were bytes: 200_000 = 200 KB).
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PAGE_NAMESPACES, type PageModule } from '../web/src/app/page-namespaces';

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
    if (!chunk)
      throw new Error(`${key} is not in the build's manifest: the bench would undercount`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const k of chunk.imports ?? []) visit(k);
  };
  for (const k of keys) visit(k);
  return files;
}

/** The manifest key of a namespace's messages module (loaded with the page, app/i18n.ts). */
const SHARED_NAMESPACES: Record<string, string> = {
  narrative: 'src/components/narrative-messages.ts',
  workflow: 'src/components/workflow-messages.ts',
};
const messagesKey = (ns: string) => SHARED_NAMESPACES[ns] ?? `src/features/${ns}/messages.ts`;

/** A logged-in page: the frame (layout), the page's module and its texts, all fetched together. */
const loggedIn = (...modules: PageModule[]) => [
  'src/app/layout.tsx',
  ...modules.flatMap((m) => [`src/${m}`, ...PAGE_NAMESPACES[m].map(messagesKey)]),
];

/** Gzipped JS bytes of the first load and of each main page (first load + its chunks). */
export function webSizes(): Array<{ page: string; bytes: number; goal: number | null }> {
  const first = closure(['index.html']);
  const pages: Array<[string, string[], number | null]> = [
    ['first load (login page)', [], 150_000],
    ['entry grid', loggedIn('features/entry/entry-page.tsx'), 180_000],
    ['Mon trimestre', loggedIn('features/home/quarter-home-page.tsx'), null],
    [
      'dashboard (with the chart)',
      [
        ...loggedIn('features/dashboard/dashboard-page.tsx'),
        'src/features/dashboard/trend-chart.tsx',
      ],
      null,
    ],
  ];
  return pages.map(([page, keys, goal]) => ({
    page,
    bytes: gz(new Set([...first, ...closure(keys)])),
    goal,
  }));
}

const gz = (files: Iterable<string>) => {
  let total = 0;
  for (const f of files)
    if (f.endsWith('.js'))
      total += gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length;
  return total;
};

/** KB of 1000 bytes, the goals' unit. */
export const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const sizes = webSizes();
  console.log('| page | gzipped JS (first load + page chunks; 1 KB = 1000 bytes) | goal |');
  console.log('|---|---|---|');
  for (const r of sizes)
    console.log(
      `| ${r.page} | ${kb(r.bytes)} (${r.bytes} B) | ${r.goal ? `≤ ${kb(r.goal)}` : ''} |`,
    );
  const over = sizes.filter((r) => r.goal !== null && r.bytes > r.goal);
  if (over.length > 0) {
    console.error(
      `over the goal: ${over.map((r) => `${r.page} (${kb(r.bytes)} > ${kb(r.goal!)})`).join(', ')}`,
    );
    process.exitCode = 1;
  }
}
