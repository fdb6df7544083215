import { useState } from 'react';

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

/**
 * A name and the identifier (slug) that goes with it: derived from the name (`slugify`) until
 * the user types one; `reset` empties the name and derives the slug again.
 */
export function useNamedSlug() {
  const [name, setName] = useState('');
  const [typed, setTyped] = useState<string | null>(null);
  return {
    name,
    setName,
    slug: typed ?? slugify(name),
    setSlug: (slug: string) => setTyped(slug),
    reset: () => {
      setName('');
      setTyped(null);
    },
  };
}
