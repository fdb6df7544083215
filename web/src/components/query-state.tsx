import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client';

/** A polite loading line that keeps its height, so the page does not jump when data arrives. */
export function Loading({ label, minHeight = '6rem' }: { label?: string; minHeight?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" aria-live="polite" aria-busy="true" style={{ minHeight }}>
      {label ?? t('state.loading')}
    </p>
  );
}

/** A 4xx answer (refused, not found, invalid): asking again gives the same answer. */
const isClientError = (error: unknown) =>
  error instanceof ApiError && error.status >= 400 && error.status <= 499;

/**
 * An error as a readable sentence (the API's message in the user's language) with a retry,
 * offered for network failures and 5xx answers only.
 */
export function ErrorMessage({
  error,
  onRetry,
  text,
}: {
  error: unknown;
  onRetry?: () => void;
  /** Says what failed, instead of the error's own message. */
  text?: string;
}) {
  const { t } = useTranslation();
  const message = text ?? (error instanceof ApiError ? error.message : t('state.error'));
  return (
    <div role="alert" className="error-box">
      <p>{message}</p>
      {error instanceof ApiError && error.issues.length > 0 && (
        <ul>
          {error.issues.slice(0, 10).map((i) => (
            <li key={`${i.code}-${i.message}`}>{i.message}</li>
          ))}
        </ul>
      )}
      {onRetry && !isClientError(error) && (
        <button type="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

/** Renders `children(data)` once a query has data, with loading and error states otherwise. */
export function QueryState<T>({
  query,
  children,
  minHeight,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
  minHeight?: string;
}) {
  if (query.error) return <ErrorMessage error={query.error} onRetry={() => query.refetch()} />;
  if (query.isPending || query.data === undefined)
    return <Loading {...(minHeight ? { minHeight } : {})} />;
  return <>{children(query.data)}</>;
}
