import { useId } from 'react';
import type { Lang } from '../../lib/i18n/lang';
import { makeTranslator } from '../../lib/i18n/translate';
import type { Touch } from '../../lib/touches/touch';
import type { CrmFeedItem } from '../../lib/crm-feed/crm-feed-item';
import { CrmHistoryItem } from './CrmHistoryItem';
import { TouchHistoryItem, type TouchChangeHandlers } from './TouchHistoryItem';

export interface TouchHistoryProps {
  /** The latest touches with this client. */
  touches: readonly Touch[];
  /** How many there are in all (more than shown for a long-standing client). */
  total: number;
  lang: Lang;
  /** Edit and delete; without them the history is read-only. */
  handlers?: TouchChangeHandlers;
  /** The CRM card's own feed items that are not Sufler's touches (model.crmHistory). */
  crmItems?: readonly CrmFeedItem[];
  /** Ids of touches the CRM's feed shows too. */
  inCrm?: readonly string[];
}

type Row = { at: number; touch: Touch } | { at: number; crm: CrmFeedItem };

/** The client's latest touches, newest first. */
export function TouchHistory({ touches, total, lang, handlers, crmItems = [], inCrm = [] }: TouchHistoryProps) {
  const t = makeTranslator(lang);
  const baseId = useId();
  // The background sends them sorted; sort anyway so the order never depends on it.
  const sorted = [...touches].sort((a, b) => b.at - a.at);
  // One list, newest first: the CRM's entries beside Sufler's, each contact once.
  const rows: Row[] = [...sorted.map((touch) => ({ at: touch.at, touch })), ...crmItems.map((crm) => ({ at: crm.at ?? -1, crm }))].sort((a, b) => b.at - a.at);
  const inCrmSet = new Set(inCrm);

  return (
    <section className="sf-card" aria-labelledby={`${baseId}-title`} data-testid="touch-history">
      <div className="sf-card__head">
        <h2 id={`${baseId}-title`} className="sf-card__title">{t('history.title')}</h2>
        {total + crmItems.length > 0 && <span className="sf-eyebrow">{total + crmItems.length}</span>}
      </div>
      {rows.length === 0 ? (
        <p className="sf-muted">{t('history.empty')}</p>
      ) : (
        <ol className="sf-history sf-scroll">
          {rows.map((row) =>
            'touch' in row ? (
              <TouchHistoryItem key={row.touch.id} touch={row.touch} lang={lang} handlers={handlers} inCrm={inCrmSet.has(row.touch.id)} />
            ) : (
              <CrmHistoryItem key={`crm:${row.crm.id}`} item={row.crm} lang={lang} />
            ),
          )}
        </ol>
      )}
      {total > sorted.length && (
        <p className="sf-muted" data-testid="touch-history-more">
          {t('history.latestOf', { shown: sorted.length, total })}
        </p>
      )}
    </section>
  );
}
