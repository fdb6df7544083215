import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevokeOwnToken, useTokens } from '../../api/tokens';
import { AllTokens } from './all-tokens';
import { RevocableTokens } from './revocable-tokens';
import { TokenCreateForm } from './token-create-form';

/** The caller's API tokens (create, list, revoke) and, for an admin, every account's. */
export function TokensSection({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation('admin');
  const tokens = useTokens();
  const revoke = useRevokeOwnToken();
  const headingId = useId();
  return (
    <>
      <section aria-labelledby={headingId}>
        <h2 id={headingId}>{t('tokens.mine')}</h2>
        <p className="admin-intro">{t('tokens.intro')}</p>
        <TokenCreateForm />
        <RevocableTokens tokens={tokens} revoke={revoke} caption={t('tokens.mine')} />
      </section>
      {isAdmin && <AllTokens />}
    </>
  );
}
