import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePoles } from '../../api/poles';
import { QueryState } from '../../components/query-state';
import { PoleCreateForm } from './pole-create-form';
import { PoleEditor } from './pole-editor';
import { RegionsPanel } from './regions-panel';

/** Every pole (by region), the pole being managed (`?pole=`), and forms to create poles and regions. */
export function PolesSection() {
  const { t } = useTranslation('admin');
  const poles = usePoles();
  const [params] = useSearchParams();
  const selected = params.get('pole');
  const headingId = useId();
  const editorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (selected) editorRef.current?.querySelector('h2')?.focus();
  }, [selected]);

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t('section.poles')}
      </h2>
      <QueryState query={poles}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('poles.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="admin-table">
                <caption className="admin-caption">{t('poles.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('poles.colName')}</th>
                    <th scope="col">{t('poles.colSlug')}</th>
                    <th scope="col">{t('poles.colTerritory')}</th>
                    <th scope="col">{t('poles.colRegion')}</th>
                    <th scope="col">{t('poles.colActions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((p) => (
                    <tr key={p.slug} aria-current={p.slug === selected ? 'true' : undefined}>
                      <th scope="row">{p.name}</th>
                      <td>
                        <code>{p.slug}</code>
                      </td>
                      <td>{p.territory}</td>
                      <td>{p.region.name}</td>
                      <td>
                        <Link
                          to={`?section=poles&pole=${encodeURIComponent(p.slug)}`}
                          aria-label={t('poles.editOf', { pole: p.name })}
                        >
                          {t('poles.edit')}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryState>
      {selected && (
        <div ref={editorRef}>
          <PoleEditor key={selected} slug={selected} />
        </div>
      )}
      <div className="admin-columns">
        <details className="admin-panel">
          <summary>{t('poles.create')}</summary>
          <PoleCreateForm />
        </details>
        <RegionsPanel />
      </div>
    </section>
  );
}
