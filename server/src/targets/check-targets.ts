import { INTEGER_UNITS, type Indicator } from '@ptce/shared/catalogue.schema';
import type { Lang } from '@ptce/shared/error-messages';
import type { ErrorIssue } from '@ptce/shared/errors.schema';
import type { TargetEntry } from '@ptce/shared/targets.schema';
import type { ScopeRow } from '../poles/poles.repository';

const say = (lang: Lang, fr: string, en: string) => (lang === 'fr' ? fr : en);

/**
 * Checks yearly targets: one per scope and indicator, tracked and not retired; whole numbers
 * for count/persons, the indicator's decimals, never negative; a yearly flow target at most
 * four times the quarter bound, a stock at most the bound, a percentage at most 100.
 */
export function checkTargets(
  targets: TargetEntry[],
  ctx: { scopes: ScopeRow[]; byCode: Map<string, Indicator>; retired: Set<string>; lang: Lang },
): ErrorIssue[] {
  const scopes = new Map(ctx.scopes.map((s) => [s.slug, s]));
  const seen = new Set<string>();
  const issues: ErrorIssue[] = [];
  targets.forEach((t, i) => {
    const fail = (code: string, fr: string, en: string) =>
      issues.push({
        path: ['targets', i],
        code,
        message: say(ctx.lang, fr, en),
        scope: t.scope,
        indicator: t.indicator,
      });
    const key = `${t.scope}|${t.indicator}`;
    if (seen.has(key)) fail('duplicate', 'Objectif en double.', 'Duplicate target.');
    seen.add(key);
    const scope = scopes.get(t.scope);
    const ind = ctx.byCode.get(t.indicator);
    if (!scope || !ind || ctx.retired.has(t.indicator) || !scope.indicators.includes(t.indicator)) {
      fail(
        'not_tracked',
        `${t.indicator} n’est pas suivi par ${t.scope}.`,
        `${t.indicator} is not tracked by ${t.scope}.`,
      );
      return;
    }
    if (t.value === null) return;
    const v = t.value;
    if (v < 0) fail('min', 'Un objectif ne peut pas être négatif.', 'A target cannot be negative.');
    const scaled = v * 10 ** ind.decimals;
    if (INTEGER_UNITS.includes(ind.unit) && !Number.isInteger(v)) {
      fail(
        'integer',
        `${ind.code} se compte en nombres entiers.`,
        `${ind.code} is a whole number.`,
      );
    } else if (Math.abs(scaled - Math.round(scaled)) > 1e-6 * Math.max(1, Math.abs(scaled))) {
      fail(
        'decimals',
        `${ind.code} : au plus ${ind.decimals} décimale(s).`,
        `${ind.code}: at most ${ind.decimals} decimal(s).`,
      );
    }
    const max =
      ind.kind === 'ratio'
        ? ind.unit === 'percent'
          ? 100
          : null
        : ind.max === null
          ? null
          : ind.max * (ind.kind === 'flow' ? 4 : 1);
    if (max !== null && v > max) fail('max', 'Objectif hors bornes.', 'Target out of range.');
  });
  return issues;
}
