import { useTranslation } from 'react-i18next';
import { usePoles } from '../../api/poles';
import { useSession } from '../../api/session';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { CressOverview } from './cress-overview';
import { recentQuarters } from './recent-quarters';
import './cress.css';

/**
 * The CRESS home (`/` for a CRESS): the poles of its region(s) × the last six quarters and the
 * current one, with each quarter's status and completeness; validate a submitted quarter, send
 * it back or reopen a validated one with a written reason; links to dashboards and reports.
 */
export function CressHomePage() {
  const { t } = useTranslation('cress');
  const session = useSession();
  const poles = usePoles();
  const codes = [
    ...new Set(
      (session.data?.user.memberships ?? [])
        .filter((m) => m.role === 'cress' && m.region)
        .map((m) => m.region!),
    ),
  ];
  const { quarters, current } = recentQuarters(new Date());

  return (
    <QueryState query={poles}>
      {(list) => {
        const regions = codes.map((code) => {
          const inRegion = list.filter((p) => p.region.code === code);
          return { code, name: inRegion[0]?.region.name ?? code, poles: inRegion };
        });
        const title =
          regions.length === 1 ? t('titleRegion', { region: regions[0]!.name }) : t('title');
        return (
          <>
            <PageTitle text={title} />
            <p className="cress-intro">{t('intro')}</p>
            {regions.length === 0 ? (
              <p>{t('noRegion')}</p>
            ) : (
              <CressOverview regions={regions} quarters={quarters} current={current} />
            )}
          </>
        );
      }}
    </QueryState>
  );
}
