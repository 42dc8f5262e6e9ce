import type { PageField } from '../context/client-context';
import type { LocalizedText } from '../i18n/lang';
import type { ParetoClass } from '../segments/pareto-classes';
import type { Segment } from '../playbook/schema';
import { labelMatches, normalizeText } from '../playbook/text-match';

/** A field value equals one of the wanted values; a multi-select "Ключевой, VIP" matches by any part. */
function valueMatches(value: string, wanted: readonly string[]): boolean {
  const parts = [value, ...value.split(/[,;]/)].map(normalizeText).filter((p) => p !== '');
  const targets = new Set(wanted.map(normalizeText));
  return parts.some((p) => targets.has(p));
}

/** Why a segment was chosen: the card's field and its value, the deal's stage, or nothing matched. */
export type SegmentReason =
  | { by: 'field'; label: string; value: string }
  | { by: 'stage'; stageId: string }
  | { by: 'pareto'; class: ParetoClass; reason: LocalizedText }
  | { by: 'default' };

/** Labels the playbook's field-matched segments read the CRM's segment from. */
function segmentAliases(segments: readonly Segment[]): string[] {
  return segments.flatMap((s) => (s.match.by === 'field' ? s.match.aliases : []));
}

/** The CRM's own segment value on the card (e.g. "Средний"), or null when the card shows none. */
export function crmSegmentValue(segments: readonly Segment[], fields: readonly PageField[]): string | null {
  const aliases = segmentAliases(segments);
  if (aliases.length === 0) return null;
  const value = fields.find((f) => labelMatches(f.label, aliases) && f.value.trim() !== '')?.value.trim();
  return value ?? null;
}

/** The class the team server gave the client by revenue, and why in words. */
export interface RevenueSegment {
  class: ParetoClass;
  reason: LocalizedText;
}

/**
 * pickSegment plus the reason, for the panel to show on hover. A `pareto` rule applies only
 * when the card shows no segment of the CRM's own: what the team wrote in its CRM wins over
 * what Sufler computed.
 */
export function explainSegment(
  segments: readonly Segment[],
  fields: readonly PageField[],
  stageId: string | null,
  revenue: RevenueSegment | null = null,
): { segment: Segment; reason: SegmentReason } | undefined {
  const byRevenue = revenue !== null && crmSegmentValue(segments, fields) === null ? revenue : null;
  for (const segment of segments) {
    const m = segment.match;
    if (m.by === 'field') {
      const hit = fields.find((f) => labelMatches(f.label, m.aliases) && valueMatches(f.value, m.values));
      if (hit) return { segment, reason: { by: 'field', label: hit.label, value: hit.value.trim() } };
    } else if (m.by === 'stage' && stageId !== null && m.stages.includes(stageId)) {
      return { segment, reason: { by: 'stage', stageId } };
    } else if (m.by === 'pareto' && byRevenue !== null && m.classes.includes(byRevenue.class)) {
      return { segment, reason: { by: 'pareto', class: byRevenue.class, reason: byRevenue.reason } };
    }
  }
  const fallback = segments.find((s) => s.match.by === 'default');
  return fallback ? { segment: fallback, reason: { by: 'default' } } : undefined;
}

/**
 * The client's segment: segments are tried in playbook order and the first match wins; the
 * default segment takes whoever matches nothing. `stageId` is the mapped playbook stage, or null.
 */
export function pickSegment(
  segments: readonly Segment[],
  fields: readonly PageField[],
  stageId: string | null,
  revenue: RevenueSegment | null = null,
): Segment | undefined {
  return explainSegment(segments, fields, stageId, revenue)?.segment;
}
