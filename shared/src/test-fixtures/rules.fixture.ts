import type { Catalogue } from '../catalogue.schema';
import type { Cell } from '../domain.types';
import { evaluateRules } from '../rules';
import type { RuleIssue, RuleSettings } from '../rules.types';
import { catalogueFixture, POLE_GROUP_SLUGS } from './catalogue.fixture';

/** The checked quarter of the rule tests and the quarter before it. */
export const T = '2025Q2';
export const PREV = '2025Q1';

const SCOPE_OF_THEME: Record<string, string> = {
  ptce: 'pole',
  transition_ecologique: 'transition-ecologique',
  developpement_social: 'developpement-social',
  mobilite_sociale: 'mobilite-sociale',
};

/** The demo pole's scopes, each tracking every fixture indicator of its theme. */
export const SCOPES = Object.entries(SCOPE_OF_THEME).map(([theme, slug]) => ({
  slug,
  indicators: catalogueFixture.indicators.filter((i) => i.theme === theme).map((i) => i.code),
}));

/** A cell in the scope that tracks `indicator`; `spec` is `value`, or `[value, slice, period]`. */
export function v(indicator: string, value: number, slice = '', period = T): Cell {
  const theme = catalogueFixture.indicators.find((i) => i.code === indicator)?.theme ?? 'ptce';
  return { scope: SCOPE_OF_THEME[theme] ?? 'pole', indicator, period, slice, value };
}

export interface RunOptions {
  period?: string;
  scopes?: Array<{ slug: string; indicators: string[] }>;
  settings?: Partial<RuleSettings>;
  catalogue?: Catalogue;
}

/** `evaluateRules` on the fixture catalogue and scopes. */
export function run(values: Cell[], options: RunOptions = {}): RuleIssue[] {
  return evaluateRules({
    catalogue: options.catalogue ?? catalogueFixture,
    period: options.period ?? T,
    scopes: options.scopes ?? SCOPES,
    poleGroupSlugs: POLE_GROUP_SLUGS,
    values,
    settings: options.settings,
  });
}

/** The issues of one rule. */
export function issuesOf(rule: string, values: Cell[], options?: RunOptions): RuleIssue[] {
  return run(values, options).filter((issue) => issue.rule === rule);
}
