import { ROLES, type Role } from '@ptce/shared/session.wire';
import type { MembershipInput } from '@ptce/shared/users.schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../../api/admin-regions';
import { usePoles } from '../../api/poles';

/** A membership being edited: the target not needed by the role is ignored on output. */
export interface MembershipDraft {
  role: Role;
  pole: string;
  region: string;
}

export const toDraft = (m: { role: Role; pole?: string | null; region?: string | null }) => ({
  role: m.role,
  pole: m.pole ?? '',
  region: m.region ?? '',
});

/** The request shape of the drafts: coordinator/board → pole, cress → region, admin → nothing. */
export function toMemberships(drafts: MembershipDraft[]): MembershipInput[] {
  return drafts.map((d) =>
    d.role === 'admin'
      ? { role: d.role }
      : d.role === 'cress'
        ? { role: d.role, region: d.region }
        : { role: d.role, pole: d.pole },
  );
}

/** The roles of an account: a role, then its pole or region; rows can be added and removed. */
export function MembershipsEditor({
  value,
  onChange,
  error,
}: {
  value: MembershipDraft[];
  onChange: (next: MembershipDraft[]) => void;
  error?: string | null;
}) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const poles = usePoles();
  const regions = useRegions();
  const id = useId();
  const set = (i: number, patch: Partial<MembershipDraft>) =>
    onChange(value.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  return (
    <fieldset className="admin-memberships" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('memberships.legend')}</legend>
      {value.length === 0 && <p className="muted">{t('memberships.none')}</p>}
      {value.map((m, i) => {
        const n = i + 1;
        const rowId = `${id}-${i}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <div key={i} className="admin-membership">
            <label htmlFor={`${rowId}-role`}>{t('memberships.role', { n })}</label>
            <select
              id={`${rowId}-role`}
              value={m.role}
              onChange={(e) => set(i, { role: e.target.value as Role })}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {tc(`roles.${r}`)}
                </option>
              ))}
            </select>
            {(m.role === 'coordinator' || m.role === 'board') && (
              <>
                <label htmlFor={`${rowId}-pole`}>{t('memberships.pole', { n })}</label>
                <select
                  id={`${rowId}-pole`}
                  value={m.pole}
                  onChange={(e) => set(i, { pole: e.target.value })}
                  required
                >
                  <option value="">{t('memberships.choose')}</option>
                  {poles.data?.map((p) => (
                    <option key={p.slug} value={p.slug}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </>
            )}
            {m.role === 'cress' && (
              <>
                <label htmlFor={`${rowId}-region`}>{t('memberships.region', { n })}</label>
                <select
                  id={`${rowId}-region`}
                  value={m.region}
                  onChange={(e) => set(i, { region: e.target.value })}
                  required
                >
                  <option value="">{t('memberships.choose')}</option>
                  {regions.data?.map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </>
            )}
            <button type="button" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {t('memberships.remove', { n })}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        onClick={() => onChange([...value, { role: 'coordinator', pole: '', region: '' }])}
      >
        {t('memberships.add')}
      </button>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
