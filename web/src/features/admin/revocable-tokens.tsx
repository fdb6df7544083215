import type { ApiToken, OwnedToken } from '@ptce/shared/users.schema';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, QueryState } from '../../components/query-state';
import { FormStatus } from './form-status';
import { TokenTable } from './token-table';

interface Props<T extends ApiToken | OwnedToken> {
  tokens: { data: T[] | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  /** Revokes a token by id. */
  revoke: UseMutationResult<unknown, Error, number>;
  caption: string;
}

/**
 * A list of tokens with a Revoke button on the live ones: the confirmation of the last
 * revocation, its error, then the table.
 */
export function RevocableTokens<T extends ApiToken | OwnedToken>({
  tokens,
  revoke,
  caption,
}: Props<T>) {
  const { t } = useTranslation('admin');
  const [message, setMessage] = useState('');
  return (
    <>
      <FormStatus message={message} />
      {revoke.error ? <ErrorMessage error={revoke.error} /> : null}
      <QueryState query={tokens}>
        {(list) => (
          <TokenTable
            tokens={list}
            caption={caption}
            revoking={revoke.isPending ? revoke.variables : undefined}
            onRevoke={(tok) =>
              revoke.mutate(tok.id, {
                onSuccess: () => setMessage(t('tokens.revokedDone', { name: tok.name })),
              })
            }
          />
        )}
      </QueryState>
    </>
  );
}
