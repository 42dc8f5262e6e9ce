import { useId, useState } from 'react';
import type { Lang } from '../../lib/i18n/lang';
import { localize, makeTranslator } from '../../lib/i18n/translate';
import type { ChecklistItem } from '../../lib/playbook/panel-model';

export interface FieldChecklistProps {
  items: readonly ChecklistItem[];
  lang: Lang;
}

/** Missing fields first (they are the work left), playbook order kept within each group. */
export function orderChecklist(items: readonly ChecklistItem[]): ChecklistItem[] {
  return [...items.filter((i) => !i.filled), ...items.filter((i) => i.filled)];
}

/**
 * The CRM fields this stage requires. Only the gaps are listed; the filled ones fold into one
 * line ("9 of 10 filled") that opens them on demand, so ticks never push the script down.
 */
export function FieldChecklist({ items, lang }: FieldChecklistProps) {
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
                <ChecklistRow key={item.id} item={item} lang={lang} />
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
                    <ChecklistRow key={item.id} item={item} lang={lang} />
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

function ChecklistRow({ item, lang }: { item: ChecklistItem; lang: Lang }) {
  const t = makeTranslator(lang);
  return (
    <li
      className={item.filled ? 'sf-checklist__item is-filled' : 'sf-checklist__item is-missing'}
      data-testid="checklist-item"
      data-field-id={item.id}
      data-filled={String(item.filled)}
    >
      <span className="sf-checklist__mark" aria-hidden="true">{item.filled ? '✓' : '!'}</span>
      <span className="sf-checklist__body">
        <span className="sf-checklist__label">
          {localize(item.label, lang)}
          <span className="sf-visually-hidden">
            {' — '}
            {item.filled ? t('checklist.filled') : t('checklist.missingMark')}
          </span>
        </span>
        {item.filled && item.value !== '' && (
          <span className="sf-checklist__value" title={item.value}>{item.value}</span>
        )}
        {!item.filled && item.fieldKey === null && (
          <span className="sf-checklist__note" data-testid="checklist-not-on-page">
            {t('checklist.notOnPage')}
          </span>
        )}
      </span>
    </li>
  );
}
