import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevokeOwnToken, useTokens } from '../../api/tokens';
import { ErrorMessage, QueryState } from '../../components/query-state';
import { AllTokens } from './all-tokens';
import { FormStatus } from './form-status';
import { TokenCreateForm } from './token-create-form';
import { TokenTable } from './token-table';

/** The caller's API tokens (create, list, revoke) and, for an admin, every account's. */
export function TokensSection({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation('admin');
  const tokens = useTokens();
  const revoke = useRevokeOwnToken();
  const headingId = useId();
  const [message, setMessage] = useState('');
  return (
    <>
      <section aria-labelledby={headingId}>
        <h2 id={headingId}>{t('tokens.mine')}</h2>
        <p className="admin-intro">{t('tokens.intro')}</p>
        <TokenCreateForm />
        <FormStatus message={message} />
        {revoke.error ? <ErrorMessage error={revoke.error} /> : null}
        <QueryState query={tokens}>
          {(list) => (
            <TokenTable
              tokens={list}
              caption={t('tokens.mine')}
              revoking={revoke.isPending ? revoke.variables : undefined}
              onRevoke={(tok) =>
                revoke.mutate(tok.id, {
                  onSuccess: () => setMessage(t('tokens.revokedDone', { name: tok.name })),
                })
              }
            />
          )}
        </QueryState>
      </section>
      {isAdmin && <AllTokens />}
    </>
  );
}
