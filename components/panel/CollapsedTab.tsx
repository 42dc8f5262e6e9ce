import type { Lang } from '../../lib/i18n/lang';
import { makeTranslator } from '../../lib/i18n/translate';

export interface CollapsedTabProps {
  lang: Lang;
  /** Missing required fields, shown as a badge so the tab still nudges. */
  missing: number;
  onExpand(): void;
}

/** The docked panel folded to a slim tab at the page edge (the iframe is ~44px wide then). */
export function CollapsedTab({ lang, missing, onExpand }: CollapsedTabProps) {
  const t = makeTranslator(lang);
  return (
    <div className="sf-collapsed" data-testid="panel-collapsed">
      <button
        type="button"
        className="sf-collapsed__btn"
        data-testid="panel-expand"
        aria-label={t('header.expand')}
        title={t('header.expand')}
        onClick={onExpand}
      >
        <span className="sf-brand__logo" aria-hidden="true">S</span>
        <span className="sf-collapsed__chevron" aria-hidden="true">«</span>
        <span className="sf-collapsed__label" aria-hidden="true">{t('app.name')}</span>
        {missing > 0 && (
          <span className="sf-collapsed__badge" title={t('checklist.missing', { count: missing })}>
            {missing}
          </span>
        )}
      </button>
    </div>
  );
}
