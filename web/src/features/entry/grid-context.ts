import type { Indicator } from '@ptce/shared/catalogue.schema';
import type { Figures } from '@ptce/shared/figures/figures';
import type { Lang } from '../../lib/format';
import type { Lookup } from './entry-progress';
import type { RulesView } from './entry-rules';
import type { CellsView } from './entry-state';

/** What every row of the grid reads and the callbacks it calls. */
export interface GridContext {
  pole: string;
  scope: string;
  period: string;
  previous: string | null;
  lastYear: string | null;
  lang: Lang;
  readOnly: boolean;
  view: CellsView;
  rules: RulesView;
  /** indicator → the server's messages from the last refused save. */
  serverIssues: Map<string, string[]>;
  reasons: Record<string, string>;
  lookup: Lookup;
  /** The scope's figures with the grid's current numbers: totals, ratios, year to date. */
  figures: Figures;
  byCode: Map<string, Indicator>;
  /** indicator → the year's target of the scope; undefined while loading. */
  targets: Map<string, number> | undefined;
  onText: (indicator: string, key: string, text: string) => void;
  onComment: (indicator: string, text: string) => void;
  onReason: (indicator: string, text: string) => void;
}
