import { useId, useState } from 'react';
import type { Lang } from '../../lib/i18n/lang';
import { localize, makeTranslator, type Translator } from '../../lib/i18n/translate';
import type { ChecklistItem } from '../../lib/playbook/panel-model';

export interface FieldChecklistProps {
  items: readonly ChecklistItem[];
  lang: Lang;
  /** Bring the CRM form to the field (switching the CRM's tab if need be); absent: rows are plain text. */
  onRevealField?(fieldKey: string): void;
}

/** Missing fields first (they are the work left), playbook order kept within each group. */
export function orderChecklist(items: readonly ChecklistItem[]): ChecklistItem[] {
  return [...items.filter((i) => !i.filled), ...items.filter((i) => i.filled)];
}

/**
 * The CRM fields this stage requires. Only the gaps are listed; the filled ones fold into one
 * line ("9 of 10 filled") that opens them on demand, so ticks never push the script down.
 */
export function FieldChecklist({ items, lang, onRevealField }: FieldChecklistProps) {
  const t = makeTranslator(lang);
  const baseId = useId();
  const [showFilled, setShowFilled] = useState(false);
  const missing = items.filter((i) => !i.filled);
  const filled = items.filter((i) => i.filled);

  return (
    <section className="sf-card" aria-labelledby={`${baseId}-title`} data-testid="checklist">
      <div className="sf-card__head">
        <h2 id={`${baseId}-title`} className="sf-card__title">{t('checklist.title')}</h2>
        {items.length > 0 && (
          <span className={missing.length > 0 ? 'sf-pill sf-pill--warn' : 'sf-pill sf-pill--ok'} data-testid="checklist-count">
            {t('checklist.count', { filled: filled.length, total: items.length })}
          </span>
        )}
      </div>
      {items.length === 0 ? (
        <p className="sf-muted">{t('checklist.empty')}</p>
      ) : (
        <>
          <p className={missing.length > 0 ? 'sf-checklist__summary is-warn' : 'sf-checklist__summary is-ok'} data-testid="checklist-summary">
            {missing.length > 0 ? t('checklist.missing', { count: missing.length }) : t('checklist.allFilled')}
          </p>
          {missing.length > 0 && (
            <ul className="sf-checklist" data-testid="checklist-gaps">
              {missing.map((item) => (
                <ChecklistRow key={item.id} item={item} lang={lang} onReveal={onRevealField} />
              ))}
            </ul>
          )}
          {filled.length > 0 && (
            <>
              <button
                type="button"
                className="sf-checklist__fold"
                aria-expanded={showFilled}
                aria-controls={`${baseId}-filled`}
                data-testid="checklist-filled-toggle"
                onClick={() => setShowFilled((v) => !v)}
              >
                <span className="sf-checklist__mark" aria-hidden="true">✓</span>
                <span>{t('checklist.filledFold', { filled: filled.length, total: items.length })}</span>
                <span className="sf-checklist__fold-chevron" aria-hidden="true">{showFilled ? '▾' : '▸'}</span>
              </button>
              {showFilled && (
                <ul id={`${baseId}-filled`} className="sf-checklist" data-testid="checklist-filled">
                  {filled.map((item) => (
                    <ChecklistRow key={item.id} item={item} lang={lang} onReveal={onRevealField} />
                  ))}
                </ul>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}

function valueText(item: ChecklistItem, t: Translator): string {
  return item.valueType === 'checkbox' ? t('checklist.yes') : item.value;
}

function ChecklistRow({ item, lang, onReveal }: { item: ChecklistItem; lang: Lang; onReveal: ((fieldKey: string) => void) | undefined }) {
  const t = makeTranslator(lang);
  const label = localize(item.label, lang);
  const body = (
    <>
      <span className="sf-checklist__mark" aria-hidden="true">{item.filled ? '✓' : '!'}</span>
      <span className="sf-checklist__body">
        <span className="sf-checklist__label">
          {label}
          <span className="sf-visually-hidden">
            {' — '}
            {item.filled ? t('checklist.filled') : t('checklist.missingMark')}
          </span>
        </span>
        {item.filled && item.value !== '' && (
          <span className="sf-checklist__value" title={valueText(item, t)} data-testid="checklist-value">{valueText(item, t)}</span>
        )}
        {!item.filled && item.bad !== null && (
          <span className="sf-checklist__note" data-testid="checklist-bad">
            {t(`checklist.bad.${item.valueType}`, { value: item.bad.slice(0, 40) })}
          </span>
        )}
        {!item.filled && item.fieldKey === null && (
          <span className="sf-checklist__note" data-testid="checklist-not-on-page">
            {t('checklist.notOnPage')}
          </span>
        )}
      </span>
    </>
  );
  const fieldKey = item.fieldKey;
  return (
    <li
      className={item.filled ? 'sf-checklist__item is-filled' : 'sf-checklist__item is-missing'}
      data-testid="checklist-item"
      data-field-id={item.id}
      data-filled={String(item.filled)}
    >
      {onReveal && fieldKey !== null ? (
        // A button: reachable with Tab, opened with Enter or Space, announced as an action.
        <button
          type="button"
          className="sf-checklist__go"
          data-testid="checklist-reveal"
          title={t('checklist.reveal', { label })}
          onClick={() => onReveal(fieldKey)}
        >
          {body}
        </button>
      ) : (
        body
      )}
    </li>
  );
}
