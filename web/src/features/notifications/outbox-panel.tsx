import { MAIL_STATES, type MailState } from '@ptce/shared/notifications.wire';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/query-state';
import { fmtDateTime, fmtQuarter } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { useOutbox } from './outbox';

/** The e-mail outbox for an admin: counts by state, and each e-mail with its attempts and error. */
export function OutboxPanel() {
  const { t } = useTranslation('notifications');
  const lang = useLang();
  const id = useId();
  const [state, setState] = useState<MailState | undefined>(undefined);
  const outbox = useOutbox({ state });
  const query = {
    data: outbox.data,
    error: outbox.error,
    isPending: outbox.isPending,
    refetch: () => outbox.refetch(),
  };
  return (
    <section aria-labelledby={`${id}-title`} className="outbox">
      <h2 id={`${id}-title`}>{t('tabs.outbox')}</h2>
      <p>{t('outbox.intro')}</p>
      <div className="notification-filters">
        <div>
          <label htmlFor={`${id}-state`}>{t('outbox.state')}</label>
          <select
            id={`${id}-state`}
            value={state ?? '*'}
            onChange={(e) =>
              setState(e.target.value === '*' ? undefined : (e.target.value as MailState))
            }
          >
            <option value="*">{t('outbox.allStates')}</option>
            {MAIL_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`outbox.states.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryState query={query} minHeight="12rem">
        {(data) => {
          const first = data.pages[0]!;
          const mails = data.pages.flatMap((p) => p.mails);
          return (
            <>
              {!first.mailEnabled && (
                <p className="notice" role="note">
                  {t('outbox.mailOff')}
                </p>
              )}
              <h3>{t('outbox.counts')}</h3>
              <ul className="outbox-counts">
                {MAIL_STATES.map((s) => (
                  <li key={s}>
                    {t(`outbox.states.${s}`)} : <strong>{first.counts[s] ?? 0}</strong>
                  </li>
                ))}
              </ul>
              <p>{t('outbox.pendingEvents', { count: first.pendingEvents })}</p>
              <p className="hint">
                {t('outbox.states.skipped')} : {t('outbox.statesHint.skipped')}
              </p>
              {mails.length === 0 ? (
                <p>{t('outbox.empty')}</p>
              ) : (
                // biome-ignore lint/a11y/noNoninteractiveTabindex: the box scrolls sideways on a narrow screen, so it must be reachable by keyboard
                <section className="table-scroll" tabIndex={0} aria-label={t('outbox.caption')}>
                  <table className="outbox-table">
                    <caption>{t('outbox.caption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('outbox.col.to')}</th>
                        <th scope="col">{t('outbox.col.what')}</th>
                        <th scope="col">{t('outbox.col.state')}</th>
                        <th scope="col">{t('outbox.col.attempts')}</th>
                        <th scope="col">{t('outbox.col.error')}</th>
                        <th scope="col">{t('outbox.col.created')}</th>
                        <th scope="col">{t('outbox.col.next')}</th>
                        <th scope="col">{t('outbox.col.sent')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {mails.map((m) => (
                        <tr key={m.id}>
                          <td>{m.to}</td>
                          <td>
                            {m.type === 'digest'
                              ? t('outbox.digest')
                              : `${m.kind ? t(`kinds.${m.kind}`) : ''}${m.pole ? ` — ${m.pole}` : ''}${m.period ? ` ${fmtQuarter(m.period, lang)}` : ''}`}
                          </td>
                          <td>{t(`outbox.states.${m.state}`)}</td>
                          <td className="num">{m.attempts}</td>
                          <td>{m.lastError ?? '—'}</td>
                          <td className="nowrap">{fmtDateTime(m.createdAt, lang)}</td>
                          <td className="nowrap">{fmtDateTime(m.nextAttemptAt, lang)}</td>
                          <td className="nowrap">{fmtDateTime(m.sentAt, lang)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              )}
              {outbox.hasNextPage && (
                <button
                  type="button"
                  onClick={() => outbox.fetchNextPage()}
                  disabled={outbox.isFetchingNextPage}
                >
                  {t('more')}
                </button>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
