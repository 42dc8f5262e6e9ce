import type { LocalizedText } from '../i18n/lang';
import { pluralRu } from '../i18n/translate';
import type { TouchKind } from '../touches/touch';
import type { TouchNorm } from '../playbook/schema';
import type { SegmentReason } from './segment-match';

const KIND_NAMES: Record<TouchKind, LocalizedText> = {
  call: { ru: 'звонок', en: 'a call' },
  meeting: { ru: 'встреча', en: 'a meeting' },
  email: { ru: 'письмо', en: 'an email' },
  direct_mail: { ru: 'бумажное письмо', en: 'a paper letter' },
  note: { ru: 'заметка', en: 'a note' },
  email_open: { ru: 'открытие письма', en: 'an email open' },
};

function ruDays(n: number): string {
  return `${n} ${pluralRu(n, 'день', 'дня', 'дней')}`;
}

function ruEvery(n: number): string {
  return n === 1 ? 'каждый день' : `не реже раза в ${ruDays(n)}`;
}

function enEvery(n: number): string {
  return n === 1 ? 'every day' : `at least every ${n} days`;
}

function joinOr(items: string[], or: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1] ?? ''}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The norm in words for the panel, e.g. "Звонок или встреча — не реже раза в 15 дней". */
export function describeNorm(norm: TouchNorm): LocalizedText {
  const ruKinds = joinOr(norm.countingKinds.map((k) => KIND_NAMES[k].ru), 'или');
  const enKinds = joinOr(norm.countingKinds.map((k) => KIND_NAMES[k].en), 'or');
  let ru = `${capitalize(ruKinds)} — ${ruEvery(norm.touchEveryDays)}`;
  let en = `${capitalize(enKinds)} ${enEvery(norm.touchEveryDays)}`;
  if (norm.meetingEveryDays !== undefined) {
    ru += `; встреча — ${ruEvery(norm.meetingEveryDays)}`;
    en += `; a meeting ${enEvery(norm.meetingEveryDays)}`;
  }
  return { ru, en };
}

/**
 * Why this norm applies, in words for the badge's hover text; stageName names a playbook stage.
 * With the CRM's own segment on the card that no rule knows, that is said too, so "Средний"
 * shown beside an open-deal norm is not a mystery.
 */
export function describeReason(reason: SegmentReason, crmSegment: string | null, stageName: (id: string) => LocalizedText | undefined): LocalizedText {
  let ru: string;
  let en: string;
  if (reason.by === 'field') {
    ru = `В CRM «${reason.label}» = «${reason.value}»`;
    en = `The CRM says “${reason.label}” = “${reason.value}”`;
  } else if (reason.by === 'pareto') {
    ru = `По выручке команды — ${reason.reason.ru}`;
    en = `By the team's revenue: ${reason.reason.en}`;
  } else {
    const unknown = crmSegment === null ? null : { ru: `Сегмента CRM «${crmSegment}» нет в правилах плейбука. `, en: `The CRM segment “${crmSegment}” has no playbook rule. ` };
    if (reason.by === 'stage') {
      const name = stageName(reason.stageId) ?? { ru: reason.stageId, en: reason.stageId };
      ru = `${unknown?.ru ?? ''}Сделка на этапе «${name.ru}»`;
      en = `${unknown?.en ?? ''}The deal is at the “${name.en}” stage`;
    } else {
      ru = `${unknown?.ru ?? ''}Ни одно правило не подошло — норма по умолчанию`;
      en = `${unknown?.en ?? ''}No rule matched, so the default norm applies`;
    }
  }
  return { ru, en };
}
