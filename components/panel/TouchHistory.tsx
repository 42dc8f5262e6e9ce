import { useId } from 'react';
import type { Lang } from '../../lib/i18n/lang';
import { makeTranslator } from '../../lib/i18n/translate';
import type { Touch } from '../../lib/touches/touch';
import { formatDateTime } from '../../lib/i18n/format-date';
import { kindLabelKey, outcomeLabelKey } from '../../lib/touches/touch-labels';
import { TouchKindIcon } from './TouchKindIcon';

export interface TouchHistoryProps {
  /** The latest touches with this client. */
  touches: readonly Touch[];
  /** How many there are in all (more than shown for a long-standing client). */
  total: number;
  lang: Lang;
}

/** The client's latest touches, newest first. */
export function TouchHistory({ touches, total, lang }: TouchHistoryProps) {
  const t = makeTranslator(lang);
  const baseId = useId();
  // The background sends them sorted; sort anyway so the order never depends on it.
  const sorted = [...touches].sort((a, b) => b.at - a.at);

  return (
    <section className="sf-card" aria-labelledby={`${baseId}-title`} data-testid="touch-history">
      <div className="sf-card__head">
        <h2 id={`${baseId}-title`} className="sf-card__title">{t('history.title')}</h2>
        {total > 0 && <span className="sf-eyebrow">{total}</span>}
      </div>
      {sorted.length === 0 ? (
        <p className="sf-muted">{t('history.empty')}</p>
      ) : (
        <ol className="sf-history sf-scroll">
          {sorted.map((touch) => (
            <li key={touch.id} className="sf-history__item" data-testid="touch-history-item" data-kind={touch.kind}>
              <span className="sf-history__icon"><TouchKindIcon kind={touch.kind} size={16} /></span>
              <div className="sf-history__body">
                <div className="sf-history__line">
                  <strong>{t(kindLabelKey(touch.kind))}</strong>
                  <span className="sf-history__outcome">{t(outcomeLabelKey(touch.kind, touch.outcome))}</span>
                </div>
                <time className="sf-history__time" dateTime={new Date(touch.at).toISOString()}>
                  {formatDateTime(touch.at, lang)}
                </time>
                {touch.comment !== '' && <p className="sf-history__comment">{touch.comment}</p>}
              </div>
            </li>
          ))}
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
