/** The columns the import reads; any other column (libellé, unité…) is ignored. */
export type Field =
  | 'pole'
  | 'scope'
  | 'indicator'
  | 'slice'
  | 'period'
  | 'value'
  | 'comment'
  | 'overrideReason'
  | 'version';

const ALIASES: Record<Field, string[]> = {
  pole: ['pole', 'ptce'],
  scope: ['scope', 'perimetre', 'groupe', 'groupe de travail'],
  indicator: ['indicator', 'indicateur', 'code indicateur', 'code', 'indicator code'],
  slice: ['slice', 'ventilation', 'breakdown'],
  period: ['period', 'periode', 'trimestre', 'quarter'],
  value: ['value', 'valeur'],
  comment: ['comment', 'commentaire'],
  overrideReason: ['motif', 'motif de derogation', 'override reason', 'raison'],
  version: ['version'],
};

const BY_ALIAS = new Map<string, Field>(
  Object.entries(ALIASES).flatMap(([field, names]) => names.map((n) => [n, field as Field])),
);

/** Lower case, accents and a trailing `(…)` removed, spaces and `_` collapsed: `Périmètre ` → `perimetre`. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\(.*\)\s*$/, '')
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/** The field a header names (English or French, any case or accents), or null. */
function fieldOfHeader(header: string): Field | null {
  return BY_ALIAS.get(normalizeName(header)) ?? null;
}

/**
 * Maps a header row to fields: field → 0-based column index (first occurrence wins).
 * @returns null unless both `indicator` and `value` are present (not a header row).
 */
export function readHeader(cells: readonly string[]): Map<Field, number> | null {
  const found = new Map<Field, number>();
  for (const [i, text] of cells.entries()) {
    const field = fieldOfHeader(text);
    if (field && !found.has(field)) found.set(field, i);
  }
  return found.has('indicator') && found.has('value') ? found : null;
}
