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
  const decimals = new Map(catalogue?.indicators.map((i) => [i.code, i.decimals]));
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
                <span className="old">{fmtNumber(c.old, lang, decimals.get(c.indicator))}</span> →{' '}
                <strong>{fmtNumber(c.new, lang, decimals.get(c.indicator))}</strong>
              </td>
              <td>{comment(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
