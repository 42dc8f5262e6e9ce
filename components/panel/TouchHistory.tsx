import { useId } from 'react';
import type { Lang } from '../../lib/i18n/lang';
import { makeTranslator } from '../../lib/i18n/translate';
import type { Touch } from '../../lib/touches/touch';
import { TouchHistoryItem, type TouchChangeHandlers } from './TouchHistoryItem';

export interface TouchHistoryProps {
  /** The latest touches with this client. */
  touches: readonly Touch[];
  /** How many there are in all (more than shown for a long-standing client). */
  total: number;
  lang: Lang;
  /** Edit and delete; without them the history is read-only. */
  handlers?: TouchChangeHandlers;
}

/** The client's latest touches, newest first. */
export function TouchHistory({ touches, total, lang, handlers }: TouchHistoryProps) {
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
            <TouchHistoryItem key={touch.id} touch={touch} lang={lang} handlers={handlers} />
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
