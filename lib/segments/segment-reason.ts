import type { LocalizedText } from '../i18n/lang';
import type { ParetoClass } from './pareto-classes';

const CLASS_NAMES: Record<ParetoClass, LocalizedText> = {
  top: { ru: 'A+ (самые ценные)', en: 'A+ (most valuable)' },
  a: { ru: 'A', en: 'A' },
  b: { ru: 'B', en: 'B' },
  c: { ru: 'C', en: 'C' },
};

export function paretoClassName(cls: ParetoClass): LocalizedText {
  return CLASS_NAMES[cls];
}

/** A share as people read it: "6 %", "0.4 %", "< 0.1 %". */
function percent(share: number, lang: 'ru' | 'en'): string {
  const p = share * 100;
  if (p > 0 && p < 0.1) return lang === 'ru' ? '< 0,1 %' : '< 0.1 %';
  const text = p >= 10 || p === 0 ? String(Math.round(p)) : p.toFixed(1);
  return `${lang === 'ru' ? text.replace('.', ',') : text} %`;
}

/**
 * Why a client has its segment, in one line: "A: 6 % of revenue, rank 4 of 212", or that a head
 * pinned it. `computed` is absent for a pinned card the split never ranked.
 */
export function segmentReason(
  applied: ParetoClass,
  pinned: boolean,
  computed: { class: ParetoClass; rank: number; of: number; share: number } | null,
): LocalizedText {
  const name = CLASS_NAMES[applied];
  if (pinned) {
    const was = computed === null ? null : CLASS_NAMES[computed.class];
    return {
      ru: `${name.ru}: закреплён руководителем${was === null ? '' : ` (по выручке — ${was.ru})`}`,
      en: `${name.en}: pinned by the head${was === null ? '' : ` (by revenue: ${was.en})`}`,
    };
  }
  if (computed === null || computed.share === 0) {
    return { ru: `${name.ru}: выигранных сделок за 12 месяцев нет`, en: `${name.en}: no won deals in 12 months` };
  }
  return {
    ru: `${name.ru}: ${percent(computed.share, 'ru')} выручки, место ${computed.rank} из ${computed.of}`,
    en: `${name.en}: ${percent(computed.share, 'en')} of revenue, rank ${computed.rank} of ${computed.of}`,
  };
}
