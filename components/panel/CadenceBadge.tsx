import { useId } from 'react';
import type { Lang } from '../../lib/i18n/lang';
import { localize, makeTranslator } from '../../lib/i18n/translate';
import type { CadenceView } from '../../lib/playbook/panel-model';
import { formatDate } from '../../lib/i18n/format-date';
import { formatAgo } from '../../lib/i18n/relative-time';

export interface CadenceBadgeProps {
  cadence: CadenceView;
  lang: Lang;
  /** Epoch ms; passed in so "due now" is testable. */
  now: number;
}

/**
 * The touch norm: the client's segment as the CRM names it, what is due and why ("a meeting is
 * due: the last one was 97 days ago"), and on hover or focus the rule that chose the norm.
 */
export function CadenceBadge({ cadence, lang, now }: CadenceBadgeProps) {
  const t = makeTranslator(lang);
  const whyId = useId();
  const due = cadence.nextDueAt;
  const isDue = due !== null && due <= now;
  const tone = cadence.overdue ? 'is-overdue' : isDue ? 'is-due' : 'is-ok';
  const meeting = cadence.dueFor === 'meeting';
  const segmentName = cadence.crmSegment ?? localize(cadence.segment.name, lang);
  const why = t('cadence.why', {
    segment: localize(cadence.segment.name, lang),
    rule: localize(cadence.rule, lang),
    reason: cadence.reason === null ? '—' : localize(cadence.reason, lang),
  });

  let status: string;
  if (due === null) status = t('cadence.noDue');
  else if (!isDue) status = t(meeting ? 'cadence.nextMeeting' : 'cadence.next', { date: formatDate(due, lang) });
  else if (meeting) {
    status = cadence.lastMeetingAt === null
      ? t('cadence.due.meetingNever')
      : t('cadence.due.meeting', { when: formatAgo(cadence.lastMeetingAt, now, lang) });
  } else {
    status = cadence.lastTouchAt === null
      ? t('cadence.due.touchNever')
      : t('cadence.due.touch', { when: formatAgo(cadence.lastTouchAt, now, lang) });
  }

  return (
    <section className={`sf-card sf-cadence ${tone}`} aria-label={t('cadence.title')} data-testid="cadence" data-due-for={cadence.dueFor}>
      <div className="sf-cadence__top">
        <span className="sf-pill sf-cadence__segment" data-testid="cadence-segment" tabIndex={0} title={why} aria-describedby={whyId}>
          {t('cadence.segment', { name: segmentName })}
        </span>
        <span id={whyId} className="sf-visually-hidden" data-testid="cadence-why">{why}</span>
        {cadence.overdue && (
          <span className="sf-pill sf-pill--danger" data-testid="cadence-overdue">
            {t('cadence.overdue', { count: cadence.overdueDays })}
          </span>
        )}
        {!cadence.overdue && isDue && (
          <span className="sf-pill sf-pill--warn" data-testid="cadence-due-now">{t(meeting ? 'cadence.dueNowMeeting' : 'cadence.dueNow')}</span>
        )}
      </div>
      {cadence.revenueSegment !== null && (
        <p className="sf-cadence__revenue sf-muted" data-testid="cadence-revenue">{localize(cadence.revenueSegment, lang)}</p>
      )}
      <p className="sf-cadence__status" data-testid="cadence-next">{status}</p>
      <p className="sf-cadence__dates sf-muted">
        <span className="sf-cadence__rule" data-testid="cadence-rule" title={localize(cadence.rule, lang)}>{localize(cadence.rule, lang)}</span>
        {!isDue && (
          <span>
            {cadence.lastTouchAt === null ? t('cadence.never') : t('cadence.last', { date: formatDate(cadence.lastTouchAt, lang) })}
          </span>
        )}
      </p>
    </section>
  );
}
