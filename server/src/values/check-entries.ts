import { type Catalogue, INTEGER_UNITS, type Indicator } from '@ptce/shared/catalogue.schema';
import type { Lang } from '@ptce/shared/error-messages';
import type { ErrorIssue } from '@ptce/shared/errors.schema';
import { formatNumberFr } from '@ptce/shared/format';
import { isAllowedSlice } from '@ptce/shared/slices';
import type { ValueEntry } from '@ptce/shared/values.schema';
import type { ScopeRow } from '../poles/poles.repository';

const say = (lang: Lang, fr: string, en: string) => (lang === 'fr' ? fr : en);

/**
 * Checks each entry against the catalogue and the pole: known scope, indicator tracked by
 * that scope and entered (not a ratio, not retired), allowed slice, no duplicate cell, integer
 * for count/persons, the indicator's decimals and bounds. Returns the issues (empty = all good).
 */
export function checkEntries(
  entries: ValueEntry[],
  ctx: { catalogue: Catalogue; scopes: ScopeRow[]; retired: Set<string>; lang: Lang },
): ErrorIssue[] {
  const { lang } = ctx;
  const byCode = new Map(ctx.catalogue.indicators.map((i) => [i.code, i]));
  const scopes = new Map(ctx.scopes.map((s) => [s.slug, s]));
  const groupSlugs = ctx.scopes.filter((s) => s.kind === 'group').map((s) => s.slug);
  const seen = new Set<string>();
  const issues: ErrorIssue[] = [];
  for (const [i, e] of entries.entries()) {
    const path = ['entries', i];
    const fail = (code: string, fr: string, en: string) =>
      issues.push({
        path,
        code,
        message: say(lang, fr, en),
        scope: e.scope,
        indicator: e.indicator,
        slice: e.slice ?? '',
      });
    const scope = scopes.get(e.scope);
    const ind = byCode.get(e.indicator);
    const slice = e.slice ?? '';
    const key = `${e.scope}|${e.indicator}|${slice}`;
    if (seen.has(key))
      fail(
        'duplicate',
        'Cette valeur figure deux fois dans l’envoi.',
        'This value appears twice in the batch.',
      );
    seen.add(key);
    if (!scope) {
      fail('unknown_scope', `Périmètre inconnu : ${e.scope}.`, `Unknown scope: ${e.scope}.`);
      continue;
    }
    if (!ind || ctx.retired.has(ind.code)) {
      fail(
        'unknown_indicator',
        `Indicateur inconnu : ${e.indicator}.`,
        `Unknown indicator: ${e.indicator}.`,
      );
      continue;
    }
    if (!scope.indicators.includes(ind.code)) {
      fail(
        'not_tracked',
        `${ind.code} n’est pas suivi par « ${scope.name} ».`,
        `${ind.code} is not tracked by "${scope.name}".`,
      );
      continue;
    }
    if (ind.kind === 'ratio') {
      fail(
        'computed',
        `${ind.code} est calculé, il ne se saisit pas.`,
        `${ind.code} is computed, not entered.`,
      );
      continue;
    }
    if (!isAllowedSlice(ind, ctx.catalogue.dimensions, groupSlugs, slice)) {
      fail(
        'slice',
        `Ventilation « ${slice} » non prévue pour ${ind.code}.`,
        `Breakdown "${slice}" is not defined for ${ind.code}.`,
      );
      continue;
    }
    if (e.value !== null) checkNumber(e.value, ind, fail);
  }
  return issues;
}

function checkNumber(
  v: number,
  ind: Indicator,
  fail: (code: string, fr: string, en: string) => void,
): void {
  if (INTEGER_UNITS.includes(ind.unit) && !Number.isInteger(v)) {
    fail('integer', `${ind.code} se compte en nombres entiers.`, `${ind.code} is a whole number.`);
    return;
  }
  const scaled = v * 10 ** ind.decimals;
  if (Math.abs(scaled - Math.round(scaled)) > 1e-6 * Math.max(1, Math.abs(scaled))) {
    fail(
      'decimals',
      `${ind.code} : au plus ${ind.decimals} décimale(s).`,
      `${ind.code}: at most ${ind.decimals} decimal(s).`,
    );
  }
  if (ind.min !== null && v < ind.min) {
    fail(
      'min',
      `${ind.code} : au moins ${formatNumberFr(ind.min)}.`,
      `${ind.code}: at least ${ind.min}.`,
    );
  }
  if (ind.max !== null && v > ind.max) {
    fail(
      'max',
      `${ind.code} : au plus ${formatNumberFr(ind.max)}.`,
      `${ind.code}: at most ${ind.max}.`,
    );
  }
}
