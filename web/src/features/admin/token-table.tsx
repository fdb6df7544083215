import type { ApiToken, OwnedToken } from '@ptce/shared/users.schema';
import { useTranslation } from 'react-i18next';
import { fmtDateTime } from '../../lib/format';
import { useLang } from '../../lib/use-lang';

/** Active, revoked or expired, at the time of display. */
function tokenState(
  tok: Pick<ApiToken, 'revokedAt' | 'expiresAt'>,
  now: number,
): 'active' | 'revoked' | 'expired' {
  if (tok.revokedAt) return 'revoked';
  if (tok.expiresAt && Date.parse(tok.expiresAt) <= now) return 'expired';
  return 'active';
}

/** A table of tokens (with their owner when given) and a Revoke button on live ones. */
export function TokenTable<T extends ApiToken | OwnedToken>({
  tokens,
  caption,
  revoking,
  onRevoke,
}: {
  tokens: T[];
  caption: string;
  revoking: number | undefined;
  onRevoke: (token: T) => void;
}) {
  const { t } = useTranslation('admin');
  const lang = useLang();
  const now = Date.now();
  const withOwner = tokens.some((k) => 'user' in k);
  if (tokens.length === 0) return <p className="muted">{t('tokens.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="admin-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tokens.colName')}</th>
            {withOwner && <th scope="col">{t('tokens.colOwner')}</th>}
            <th scope="col">{t('tokens.colPrefix')}</th>
            <th scope="col">{t('tokens.colCreated')}</th>
            <th scope="col">{t('tokens.colUsed')}</th>
            <th scope="col">{t('tokens.colExpires')}</th>
            <th scope="col">{t('tokens.colState')}</th>
            <th scope="col">{t('tokens.colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((k) => {
            const state = tokenState(k, now);
            const owner = 'user' in k ? k.user : null;
            return (
              <tr key={k.id} className={state === 'active' ? undefined : 'admin-disabled'}>
                <th scope="row">{k.name}</th>
                {withOwner && <td>{owner ? `${owner.name} (${owner.email})` : ''}</td>}
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>{fmtDateTime(k.createdAt, lang)}</td>
                <td>{k.lastUsedAt ? fmtDateTime(k.lastUsedAt, lang) : t('tokens.neverUsed')}</td>
                <td>{k.expiresAt ? fmtDateTime(k.expiresAt, lang) : t('tokens.noExpiry')}</td>
                <td>
                  {t(`tokens.${state}`)}
                  {k.revokedAt ? ` (${fmtDateTime(k.revokedAt, lang)})` : ''}
                </td>
                <td>
                  {state === 'active' && (
                    <button
                      type="button"
                      disabled={revoking === k.id}
                      aria-label={
                        owner
                          ? t('tokens.revokeOfUser', { name: k.name, user: owner.name })
                          : t('tokens.revokeOf', { name: k.name })
                      }
                      onClick={() => onRevoke(k)}
                    >
                      {t('tokens.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
