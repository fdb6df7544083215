import type { Indicator } from '@ptce/shared/catalogue.schema';
import { useTranslation } from 'react-i18next';
import { useCatalogue } from '../../api/catalogue';
import { QueryState } from '../../components/query-state';
import { labelIn } from '../../lib/format';
import { useLang } from '../../lib/use-lang';

/** The catalogue's indicators by theme, in catalogue order. */
function groupByTheme(indicators: readonly Indicator[]): Array<[string, Indicator[]]> {
  const themes = new Map<string, Indicator[]>();
  for (const i of indicators) themes.set(i.theme, [...(themes.get(i.theme) ?? []), i]);
  return [...themes];
}

/**
 * Checkboxes of every catalogue indicator, one fieldset per theme. `selected` keeps its order;
 * a newly ticked code goes to the end. Codes not in the catalogue stay selected untouched.
 */
export function IndicatorPicker({
  legend,
  selected,
  onChange,
}: {
  legend: string;
  selected: string[];
  onChange: (codes: string[]) => void;
}) {
  const { t } = useTranslation('admin');
  const lang = useLang();
  const catalogue = useCatalogue();
  const chosen = new Set(selected);
  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...selected, code] : selected.filter((c) => c !== code));

  return (
    <fieldset className="admin-picker">
      <legend>{legend}</legend>
      <QueryState query={catalogue}>
        {(c) =>
          groupByTheme(c.indicators).map(([theme, list]) => (
            <fieldset key={theme} className="admin-theme">
              <legend>
                {t(`themes.${theme}`, { defaultValue: theme })}{' '}
                <span className="muted">
                  (
                  {t('scopes.themeCount', {
                    selected: list.filter((i) => chosen.has(i.code)).length,
                    total: list.length,
                  })}
                  )
                </span>
              </legend>
              <ul>
                {list.map((i) => (
                  <li key={i.code}>
                    <label>
                      <input
                        type="checkbox"
                        checked={chosen.has(i.code)}
                        onChange={(e) => toggle(i.code, e.target.checked)}
                      />{' '}
                      {labelIn(i, lang)}{' '}
                      <span className="muted admin-code">
                        {i.code}
                        {i.kind === 'ratio' ? ` · ${t('scopes.computed')}` : ''}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ))
        }
      </QueryState>
    </fieldset>
  );
}
