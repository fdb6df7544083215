import type { Lang } from '@ptce/shared/format';
import { MESSAGES_EN, MESSAGES_FR } from './messages';
import type { Placeholders } from './translation';

/** A code of the server's message catalogues. */
export type MessageKey = keyof typeof MESSAGES_FR;

/** The parameters a message needs: one per `{name}` of its French template. */
type MessageParams<K extends MessageKey> = {
  [P in Placeholders<(typeof MESSAGES_FR)[K]>]: string | number;
};

type Args<K extends MessageKey> = [Placeholders<(typeof MESSAGES_FR)[K]>] extends [never]
  ? []
  : [params: MessageParams<K>];

const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { fr: MESSAGES_FR, en: MESSAGES_EN };

/**
 * The message `key` in `lang` with its `{name}` placeholders filled (numbers as written, so
 * callers format values first, e.g. with `formatValue`). The parameters are checked by type.
 */
export function t<K extends MessageKey>(lang: Lang, key: K, ...args: Args<K>): string {
  const params: Record<string, string | number> = args[0] ?? {};
  return CATALOGUES[lang][key].replace(/\{([A-Za-z]+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The message in both languages, for an `ApiError` whose language is chosen when it is sent. */
export function inBoth<K extends MessageKey>(key: K, ...args: Args<K>): Record<Lang, string> {
  return { fr: t('fr', key, ...args), en: t('en', key, ...args) };
}
