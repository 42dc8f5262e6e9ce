import { useId } from 'react';
import type { KeyClientRow, KeyClientsView } from '../../lib/cadence/key-clients';
import type { Lang } from '../../lib/i18n/lang';
import { formatDate } from '../../lib/i18n/format-date';
import { localize, makeTranslator } from '../../lib/i18n/translate';

export interface KeyClientListProps {
  /** undefined until the background has read the list once. */
  view: KeyClientsView | undefined;
  lang: Lang;
  now: number;
}

/**
 * "My key clients", most overdue first: what each one is due (a touch or a meeting) and how
 * late. Each name is a link to the client's CRM card, opened in a new tab, so the list works by
 * keyboard (Tab, Enter) in the popup and the side panel alike.
 */
export function KeyClientList({ view, lang, now }: KeyClientListProps) {
  const t = makeTranslator(lang);
  const titleId = useId();
  if (view === undefined) return null;
  return (
    <section className="sf-card sf-key-clients" aria-labelledby={titleId} data-testid="key-clients">
      <h2 className="sf-key-clients__title" id={titleId}>{t('keyClients.title')}</h2>
      {view.rows.length === 0 ? (
        <div data-testid="key-clients-empty">
          <p className="sf-key-clients__empty">{t('keyClients.empty')}</p>
          <p className="sf-muted">{t('keyClients.emptyHint')}</p>
        </div>
      ) : (
        <>
          <ul className="sf-key-clients__list">
            {view.rows.map((row) => (
              <KeyClientItem key={row.clientKey} row={row} lang={lang} now={now} />
            ))}
          </ul>
          {view.total > view.rows.length && (
            <p className="sf-muted" data-testid="key-clients-shown">{t('keyClients.shown', { shown: view.rows.length, total: view.total })}</p>
          )}
        </>
      )}
    </section>
  );
}

function KeyClientItem({ row, lang, now }: { row: KeyClientRow; lang: Lang; now: number }) {
  const t = makeTranslator(lang);
  const segment = row.crmSegment ?? localize(row.segment.name, lang);
  const kind = t(row.dueFor === 'meeting' ? 'keyClients.kind.meeting' : 'keyClients.kind.touch');
  const when = row.overdue
    ? t('cadence.overdue', { count: row.overdueDays })
    : row.nextDueAt <= now
      ? t('keyClients.dueToday')
      : t('keyClients.dueOn', { date: formatDate(row.nextDueAt, lang) });
  const tone = row.overdue ? 'is-overdue' : row.nextDueAt <= now ? 'is-due' : 'is-ok';
  return (
    <li className={`sf-key-clients__item ${tone}`} data-testid="key-client" data-client-key={row.clientKey}>
      {row.url !== null ? (
        <a className="sf-key-clients__name" href={row.url} target="_blank" rel="noopener noreferrer" title={t('keyClients.open')} data-testid="key-client-open">
          {row.name}
        </a>
      ) : (
        <span className="sf-key-clients__name" title={t('keyClients.noLink')}>{row.name}</span>
      )}
      <span className="sf-key-clients__segment sf-muted">{segment}</span>
      <span className="sf-key-clients__due" data-testid="key-client-due">
        <span className="sf-key-clients__kind">{kind}</span>{' '}
        <span className={row.overdue ? 'sf-pill sf-pill--danger' : 'sf-key-clients__when'}>{when}</span>
      </span>
    </li>
  );
}
