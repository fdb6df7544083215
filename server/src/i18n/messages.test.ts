import { describe, expect, it } from 'vitest';
import { MESSAGES_EN, MESSAGES_FR } from './messages';
import { inBoth, type MessageKey, t } from './t';

const placeholders = (text: string) =>
  [...text.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]).sort();

describe('server message catalogues', () => {
  const keys = Object.keys(MESSAGES_FR) as MessageKey[];

  it('have the same keys in both languages', () => {
    expect(Object.keys(MESSAGES_EN).sort()).toEqual([...keys].sort());
  });

  it.each(keys)('%s has a text in both languages with the same placeholders', (key) => {
    expect(MESSAGES_FR[key].trim()).not.toBe('');
    expect(MESSAGES_EN[key].trim()).not.toBe('');
    expect(placeholders(MESSAGES_EN[key])).toEqual(placeholders(MESSAGES_FR[key]));
  });

  it('fills the placeholders, numbers as written', () => {
    expect(t('fr', 'import.fileErrors', { count: 3 })).toBe(
      'Le fichier contient 3 erreur(s) ; rien n’a été enregistré.',
    );
    expect(t('en', 'entries.notTracked', { indicator: 'PTCE-MEMBRES', scope: 'Pôle' })).toBe(
      'PTCE-MEMBRES is not tracked by "Pôle".',
    );
    expect(inBoth('import.empty')).toEqual({
      fr: 'Le fichier est vide.',
      en: 'The file is empty.',
    });
  });

  it('types the parameters of each message', () => {
    // @ts-expect-error a message with placeholders needs its parameters
    expect(t('fr', 'entries.unknownScope')).toBe('Périmètre inconnu : {scope}.');
    // @ts-expect-error and only those
    expect(t('fr', 'import.empty', { extra: 1 })).toBe('Le fichier est vide.');
  });
});
