import type { Kind } from '@ptce/shared/catalogue.schema';
import type { Step, TrendRow } from './chart-data';

/** A line of the trend chart; the dash pattern tells the lines apart without colour. */
export interface SeriesStyle {
  key: keyof Pick<TrendRow, 'value' | 'lastYear' | 'target'>;
  /** The message key of its name. */
  nameKey: string;
  color: string;
  dash: string | undefined;
  width: number;
}

/** The three lines, drawn back to front; colours reach 3:1 against white. */
export function seriesStyles(kind: Kind, by: Step): SeriesStyle[] {
  return [
    {
      key: 'target',
      nameKey:
        by === 'quarter' && kind === 'flow'
          ? 'trend.series.targetQuarterly'
          : 'trend.series.target',
      color: '#9a3412',
      dash: '10 5',
      width: 2,
    },
    { key: 'lastYear', nameKey: 'trend.series.lastYear', color: '#6e7781', dash: '4 4', width: 2 },
    { key: 'value', nameKey: 'trend.series.value', color: '#0b5cad', dash: undefined, width: 3 },
  ];
}
