import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePole } from '../../api/poles';
import { QueryState } from '../../components/query-state';
import { GroupCreateForm } from './group-create-form';
import { PoleDetailsForm } from './pole-details-form';
import { ScopeEditor } from './scope-editor';

/** One pole: its details, each scope (name and tracked indicators), and a new working group. */
export function PoleEditor({ slug }: { slug: string }) {
  const { t } = useTranslation('admin');
  const pole = usePole(slug, { stored: true });
  return (
    <section className="admin-editor">
      <QueryState query={pole}>
        {(p) => (
          <>
            <div className="admin-editor-head">
              <h2 tabIndex={-1}>{t('poles.editing', { pole: p.name })}</h2>
              <Link to="?section=poles">{t('poles.close')}</Link>
            </div>
            <PoleDetailsForm pole={p} />
            <h3>{t('scopes.title')}</h3>
            <p className="muted">{t('scopes.intro')}</p>
            {p.scopes.map((s) => (
              <ScopeEditor key={s.slug} pole={p.slug} scope={s} />
            ))}
            <GroupCreateForm pole={p.slug} existing={p.scopes.map((s) => s.slug)} />
          </>
        )}
      </QueryState>
    </section>
  );
}
