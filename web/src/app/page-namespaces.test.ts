import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_NAMESPACES } from './page-namespaces';

const SRC = path.resolve(import.meta.dirname, '..');
/** In the first load (app/i18n.ts), so never listed. */
const EAGER = new Set(['common', 'auth']);

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`])
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return null;
}

/** The namespaces used by `file` and every module it imports (statically or lazily). */
function usedNamespaces(file: string): Set<string> {
  const seen = new Set<string>();
  const used = new Set<string>();
  const visit = (f: string) => {
    if (seen.has(f) || f.includes('.test.')) return;
    seen.add(f);
    const code = fs.readFileSync(f, 'utf8');
    for (const m of code.matchAll(/useTranslation\(\s*(?:'([a-z]+)'|\[([^\]]*)\])?/g)) {
      if (m[1]) used.add(m[1]);
      else if (m[2]) for (const x of m[2].matchAll(/'([a-z]+)'/g)) used.add(x[1]!);
      else used.add('common');
    }
    for (const m of code.matchAll(/\bns:\s*'([a-z]+)'|\bt\(\s*'([a-z]+):/g))
      used.add(m[1] ?? m[2]!);
    for (const m of code.matchAll(/(?:^import(?! type)[^;]*?from\s+|import\(\s*)'([^']+)'/gms)) {
      const r = resolve(f, m[1]!);
      if (r) visit(r);
    }
  };
  visit(file);
  return used;
}

describe('PAGE_NAMESPACES', () => {
  for (const [page, listed] of Object.entries(PAGE_NAMESPACES))
    it(`${page} lists every namespace its modules use`, () => {
      const missing = [...usedNamespaces(path.join(SRC, page))].filter(
        (ns) => !EAGER.has(ns) && !(listed as readonly string[]).includes(ns),
      );
      expect(missing).toEqual([]);
    });

  it('sees the namespaces of a page (the check can fail)', () => {
    expect([...usedNamespaces(path.join(SRC, 'features/entry/entry-page.tsx'))]).toEqual(
      expect.arrayContaining(['entry', 'narrative']),
    );
    expect([...usedNamespaces(path.join(SRC, 'features/cress/cress-home-page.tsx'))]).toEqual(
      expect.arrayContaining(['cress', 'review', 'quality']),
    );
  });

  it('the first load uses only its own namespaces', () => {
    for (const f of ['features/auth/login-page.tsx', 'app/layout.tsx', 'app/role-home.tsx'])
      expect(
        [...usedNamespaces(path.join(SRC, f))].filter((ns) => !EAGER.has(ns)),
        f,
      ).toEqual(f === 'app/role-home.tsx' ? expect.any(Array) : []);
  });
});
