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

/** The CRM fields this stage requires, and which of them are still empty. */
export function FieldChecklist({ items, lang }: FieldChecklistProps) {
  const t = makeTranslator(lang);
  const filled = items.filter((i) => i.filled).length;
  const missing = items.length - filled;

  return (
    <section className="sf-card" aria-labelledby="sf-checklist-title" data-testid="checklist">
      <div className="sf-card__head">
        <h2 id="sf-checklist-title" className="sf-card__title">{t('checklist.title')}</h2>
        {items.length > 0 && (
          <span className={missing > 0 ? 'sf-pill sf-pill--warn' : 'sf-pill sf-pill--ok'} data-testid="checklist-count">
            {t('checklist.count', { filled, total: items.length })}
          </span>
        )}
      </div>
      {items.length === 0 ? (
        <p className="sf-muted">{t('checklist.empty')}</p>
      ) : (
        <>
          <p className={missing > 0 ? 'sf-checklist__summary is-warn' : 'sf-checklist__summary is-ok'} data-testid="checklist-summary">
            {missing > 0 ? t('checklist.missing', { count: missing }) : t('checklist.allFilled')}
          </p>
          <ul className="sf-checklist">
            {orderChecklist(items).map((item) => (
              <li
                key={item.id}
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
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
