import { describe, expect, it } from 'vitest';
import { scopeNameIn } from './poles.schema';

describe('scopeNameIn', () => {
  it.each([
    [{ kind: 'pole', slug: 'pole', name: 'Pôle' }, 'en', 'Pole'],
    [{ kind: 'pole', slug: 'pole', name: 'Pôle' }, 'fr', 'Pôle'],
    [{ slug: 'pole', name: 'Pôle' }, 'en', 'Pole'],
    // renamed by an admin: data, shown as written
    [{ kind: 'pole', slug: 'pole', name: 'Pôle transversal' }, 'en', 'Pôle transversal'],
    // a working group named like it is a working group
    [{ kind: 'group', slug: 'pole-emploi', name: 'Pôle' }, 'en', 'Pôle'],
    [
      { kind: 'group', slug: 'mobilite-sociale', name: 'Mobilité sociale' },
      'en',
      'Mobilité sociale',
    ],
  ] as const)('%j in %s: %s', (scope, lang, name) => {
    expect(scopeNameIn(scope, lang)).toBe(name);
  });
});
