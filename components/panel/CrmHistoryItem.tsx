import type { CrmFeedItem } from '../../lib/crm-feed/crm-feed-item';
import type { Lang } from '../../lib/i18n/lang';
import { formatDateTime } from '../../lib/i18n/format-date';
import type { MessageKey } from '../../lib/i18n/messages';
import { makeTranslator } from '../../lib/i18n/translate';
import { kindLabelKey, outcomeLabelKey } from '../../lib/touches/touch-labels';
import { TouchKindIcon } from './TouchKindIcon';

function labels(item: CrmFeedItem): { kind: MessageKey; outcome: MessageKey } {
  if (item.kind === 'task') return { kind: 'history.crmKind.task', outcome: 'history.crmOutcome.planned' };
  return { kind: kindLabelKey(item.kind), outcome: outcomeLabelKey(item.kind, item.outcome === 'planned' ? 'done' : item.outcome) };
}

/** One entry of the CRM card's own feed, marked as such; it is changed in the CRM, not here. */
export function CrmHistoryItem({ item, lang }: { item: CrmFeedItem; lang: Lang }) {
  const t = makeTranslator(lang);
  const { kind, outcome } = labels(item);
  return (
    <li className="sf-history__item sf-history__item--crm" data-testid="crm-history-item" data-kind={item.kind} title={t('history.fromCrmTitle')}>
      <span className="sf-history__icon"><TouchKindIcon kind={item.kind === 'task' ? 'note' : item.kind} size={16} /></span>
      <div className="sf-history__body">
        <div className="sf-history__line">
          <strong>{t(kind)}</strong>
          <span className="sf-history__outcome">{t(outcome)}</span>
          <span className="sf-history__source" data-testid="crm-source">{t('history.fromCrm')}</span>
        </div>
        {item.at === null ? (
          <span className="sf-history__time">{t('history.noTime')}</span>
        ) : (
          <time className="sf-history__time" dateTime={new Date(item.at).toISOString()}>{formatDateTime(item.at, lang)}</time>
        )}
        {item.text !== '' && <p className="sf-history__comment">{item.author ? `${item.author}: ${item.text}` : item.text}</p>}
      </div>
    </li>
  );
}
