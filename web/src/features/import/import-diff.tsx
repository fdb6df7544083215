import { formatValue } from '@ptce/shared/format';
import type { ImportChange } from '@ptce/shared/imports.schema';
import type { Scope } from '@ptce/shared/poles.schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogue } from '../../api/catalogue';
import { fmtNumber } from '../../lib/format';
import { useLang } from '../../lib/use-lang';

/** The cells an import changes: where in the file, which value, old → new, comment change. */
export function ImportDiff({ changes, scopes }: { changes: ImportChange[]; scopes: Scope[] }) {
  const { t } = useTranslation('import');
  const lang = useLang();
  const id = useId();
  const scopeName = new Map(scopes.map((s) => [s.slug, s.name]));
  const catalogue = useCatalogue().data;
  const indicators = new Map(catalogue?.indicators.map((i) => [i.code, i]));
  const show = (code: string, v: number | null) => {
    const indicator = indicators.get(code);
    return indicator ? formatValue(v, indicator, lang) : fmtNumber(v, lang);
  };
  const comment = (c: ImportChange) => {
    if ((c.oldComment ?? '') === (c.newComment ?? ''))
      return <span className="muted">{t('commentSame')}</span>;
    const shown = (s: string | null) => (s ? `« ${s} »` : t('none'));
    return `${shown(c.oldComment)} → ${shown(c.newComment)}`;
  };
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-labelledby={`${id}-caption`}>
      <table className="import-diff">
        <caption id={`${id}-caption`}>{t('changes')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.sheet')}</th>
            <th scope="col" className="num">
              {t('col.row')}
            </th>
            <th scope="col">{t('col.scope')}</th>
            <th scope="col">{t('col.indicator')}</th>
            <th scope="col" className="num">
              {t('col.value')}
            </th>
            <th scope="col">{t('col.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={`${c.scope}|${c.indicator}|${c.slice}`}>
              <td>{c.sheet ?? t('csv')}</td>
              <td className="num">{c.row}</td>
              <td>{scopeName.get(c.scope) ?? c.scope}</td>
              <td>{c.label}</td>
              <td className="num">
                <span className="old">{show(c.indicator, c.old)}</span> →{' '}
                <strong>{show(c.indicator, c.new)}</strong>
              </td>
              <td>{comment(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
