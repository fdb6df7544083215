import { SlugSchema } from '@ptce/shared/session.wire';
import { describe, expect, it } from 'vitest';
import { slugify } from './slugify';

describe('slugify', () => {
  it.each([
    ['Mobilité sociale !', 'mobilite-sociale'],
    ['  PTCE Hénin–Carvin  ', 'ptce-henin-carvin'],
    ['Éducation à l’environnement', 'education-a-l-environnement'],
    ['***', ''],
    ['a'.repeat(70), 'a'.repeat(64)],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
    if (slug) expect(SlugSchema.safeParse(slug).success).toBe(true);
  });
});
