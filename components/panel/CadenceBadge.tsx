import type { Lang } from '../../lib/i18n/lang';
import { localize, makeTranslator } from '../../lib/i18n/translate';
import type { CadenceView } from '../../lib/playbook/panel-model';
import { formatDate } from '../../lib/i18n/format-date';

export interface CadenceBadgeProps {
  cadence: CadenceView;
  lang: Lang;
  /** Epoch ms; passed in so "due now" is testable. */
  now: number;
}

/** The client's segment, its touch norm, and when the next touch is due (red when late). */
export function CadenceBadge({ cadence, lang, now }: CadenceBadgeProps) {
  const t = makeTranslator(lang);
  const due = cadence.nextDueAt;
  const tone = cadence.overdue ? 'is-overdue' : due !== null && due <= now ? 'is-due' : 'is-ok';

  return (
    <section className={`sf-card sf-cadence ${tone}`} aria-label={t('cadence.title')} data-testid="cadence">
      <div className="sf-cadence__top">
        <span className="sf-pill" data-testid="cadence-segment">{t('cadence.segment', { name: localize(cadence.segment.name, lang) })}</span>
        {cadence.overdue && (
          <span className="sf-pill sf-pill--danger" data-testid="cadence-overdue">
            {t('cadence.overdue', { count: cadence.overdueDays })}
          </span>
        )}
        {!cadence.overdue && tone === 'is-due' && (
          <span className="sf-pill sf-pill--warn" data-testid="cadence-due-now">{t('cadence.dueNow')}</span>
        )}
      </div>
      <p className="sf-cadence__rule" data-testid="cadence-rule">{localize(cadence.rule, lang)}</p>
      <p className="sf-cadence__dates">
        <span data-testid="cadence-next">
          {due === null ? t('cadence.noDue') : t('cadence.next', { date: formatDate(due, lang) })}
        </span>
        <span className="sf-muted">
          {cadence.lastTouchAt === null ? t('cadence.never') : t('cadence.last', { date: formatDate(cadence.lastTouchAt, lang) })}
        </span>
      </p>
    </section>
  );
}
