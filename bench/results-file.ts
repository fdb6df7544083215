import fs from 'node:fs';
import path from 'node:path';

/** bench/RESULTS.md. */
export const RESULTS_FILE = path.resolve(import.meta.dirname, 'RESULTS.md');

/**
 * Replaces the section of RESULTS.md between the comments `begin` and `end` with `body`
 * (framed by them), or adds it at the end; the rest of the file is kept.
 */
export function writeResultsSection(begin: string, end: string, body: string): void {
  const old = fs.existsSync(RESULTS_FILE)
    ? fs.readFileSync(RESULTS_FILE, 'utf8')
    : '# Benchmark results\n';
  const section = `${begin}\n${body}\n${end}`;
  const at = old.indexOf(begin);
  const to = old.indexOf(end);
  const next =
    at >= 0 && to > at
      ? `${old.slice(0, at)}${section}${old.slice(to + end.length)}`
      : `${old.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(RESULTS_FILE, next);
}
