import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useLogin, useSession } from '../../api/session';
import { PageTitle } from '../../components/page-title';
import { ErrorMessage } from '../../components/query-state';

/** Only same-site paths may be returned to after login (no open redirect). */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const next = safeNext(params.get('suite'));
  const navigate = useNavigate();
  const session = useSession();
  const loginMutation = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const emailId = useId();
  const passwordId = useId();
  const emailRef = useRef<HTMLInputElement>(null);
  // The work of this page starts in the e-mail field (not `autoFocus`: it would also run on
  // the redirect of a signed-in user, and biome's a11y rule forbids it).
  useEffect(() => emailRef.current?.focus(), []);

  if (session.data) return <Navigate to={next} replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    loginMutation.mutate(
      { email, password },
      { onSuccess: () => navigate(next, { replace: true }) },
    );
  };

  return (
    <main id="contenu" className="login">
      <PageTitle text={t('title')} />
      <p>{t('intro')}</p>
      {params.get('expiree') && <p className="notice">{t('expired')}</p>}
      <form onSubmit={onSubmit} className="stack">
        <label htmlFor={emailId}>{t('email')}</label>
        <input
          ref={emailRef}
          id={emailId}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor={passwordId}>{t('password')}</label>
        <input
          id={passwordId}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {loginMutation.error && <ErrorMessage error={loginMutation.error} />}
        <button type="submit" className="primary" disabled={loginMutation.isPending}>
          {loginMutation.isPending ? t('submitting') : t('submit')}
        </button>
      </form>
    </main>
  );
}
