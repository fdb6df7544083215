/**
 * A slug suggestion from a name: accents dropped, lower case, runs of other characters become
 * one dash, at most 64 characters (`Mobilité sociale !` → `mobilite-sociale`).
 */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}
