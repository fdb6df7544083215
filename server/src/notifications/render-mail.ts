import type { Lang } from '@ptce/shared/format';
import { PREFERENCES_PATH } from '@ptce/shared/notifications.paths';
import type { NotificationKind } from '@ptce/shared/notifications.schema';
import { quarterLabel } from '@ptce/shared/periods';
import { type MailKey, mailEn, mailFr } from './mail.messages';
import type { EventData } from './notifications.table';

/** One notification as an e-mail tells it. */
export interface MailItem {
  kind: NotificationKind;
  pole: string;
  period: string;
  reason: string | null;
  actor: string | null;
  data: EventData;
  /** The app's address of the screen (a path). */
  link: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const CATALOGUES: Record<Lang, Record<MailKey, string>> = { fr: mailFr, en: mailEn };
const PLURALS: Record<Lang, Intl.PluralRules> = {
  fr: new Intl.PluralRules('fr'),
  en: new Intl.PluralRules('en'),
};

function say(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  const cat = CATALOGUES[lang] as Record<string, string>;
  const counted =
    typeof params.count === 'number'
      ? (cat[`${key}_${PLURALS[lang].select(params.count) === 'one' ? 'one' : 'other'}`] ??
        cat[key])
      : cat[key];
  return (counted ?? key).replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** `2026-10-30` as `30 octobre 2026` / `30 October 2026`. */
function longDate(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

function params(item: MailItem, lang: Lang): Record<string, string | number> {
  const actor = item.actor ?? say(lang, 'someone');
  return {
    pole: item.pole,
    quarter: quarterLabel(item.period, lang),
    deadline: item.data.deadline ? longDate(item.data.deadline, lang) : '',
    actor,
    by: item.actor ? say(lang, 'by', { actor: item.actor }) : '',
    ...(item.kind === 'overdue' ? { count: item.data.daysLate ?? 0 } : {}),
    ...(item.kind === 'importApplied' ? { count: item.data.changes ?? 0 } : {}),
  };
}

/** The sentence telling a notification, in `lang`. */
function mailLine(item: MailItem, lang: Lang): string {
  return say(lang, `line.${item.kind}`, params(item, lang));
}

const block = (item: MailItem, lang: Lang, base: string) => {
  const url = `${base}${item.link}`;
  const reason = item.reason ? say(lang, 'reason', { reason: item.reason }) : null;
  return {
    text: [mailLine(item, lang), ...(reason ? [reason] : []), say(lang, 'openUrl', { url })].join(
      '\n',
    ),
    html: [
      `<p>${escapeHtml(mailLine(item, lang))}</p>`,
      ...(reason ? [`<p>${escapeHtml(reason)}</p>`] : []),
      `<p><a href="${escapeHtml(url)}">${escapeHtml(say(lang, 'open'))}</a></p>`,
    ].join('\n'),
  };
};

/**
 * The e-mail of one notification (`items` of one) or of a digest (`digestDay` set), in `lang`:
 * a subject, the plain text and the HTML, each with the link of every notification (absolute,
 * on `baseUrl`) and a footer linking to the preferences.
 */
export function renderMail(
  items: MailItem[],
  lang: Lang,
  opts: { baseUrl: string; digestDay?: string },
): RenderedMail {
  const base = opts.baseUrl.replace(/\/$/, '');
  const prefs = `${base}${PREFERENCES_PATH}`;
  const blocks = items.map((i) => block(i, lang, base));
  const subject =
    opts.digestDay !== undefined
      ? say(lang, 'subject.digest', {
          date: longDate(opts.digestDay, lang),
          count: items.length,
        })
      : say(lang, `subject.${items[0]!.kind}`, params(items[0]!, lang));
  const intro = opts.digestDay !== undefined ? [say(lang, 'digestIntro')] : [];
  const text = [
    ...intro,
    ...blocks.map((b) => b.text),
    `-- \n${say(lang, 'footer', { url: prefs })}`,
  ].join('\n\n');
  const body =
    opts.digestDay !== undefined
      ? `<p>${escapeHtml(intro[0]!)}</p>\n<ul>\n${blocks.map((b) => `<li>${b.html}</li>`).join('\n')}\n</ul>`
      : blocks[0]!.html;
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: sans-serif; line-height: 1.4">
${body}
<hr>
<p style="font-size: small">${escapeHtml(say(lang, 'footerHtml'))} <a href="${escapeHtml(prefs)}">${escapeHtml(say(lang, 'footerLink'))}</a></p>
</body></html>
`;
  return { subject, text, html };
}
