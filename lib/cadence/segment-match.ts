import type { PageField } from '../context/client-context';
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

/** pickSegment plus the reason, for the panel to show on hover. */
export function explainSegment(
  segments: readonly Segment[],
  fields: readonly PageField[],
  stageId: string | null,
): { segment: Segment; reason: SegmentReason } | undefined {
  for (const segment of segments) {
    const m = segment.match;
    if (m.by === 'field') {
      const hit = fields.find((f) => labelMatches(f.label, m.aliases) && valueMatches(f.value, m.values));
      if (hit) return { segment, reason: { by: 'field', label: hit.label, value: hit.value.trim() } };
    } else if (m.by === 'stage' && stageId !== null && m.stages.includes(stageId)) {
      return { segment, reason: { by: 'stage', stageId } };
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
): Segment | undefined {
  return explainSegment(segments, fields, stageId)?.segment;
}
