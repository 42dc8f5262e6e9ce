import type { PageField } from '../context/client-context';
import type { Segment } from '../playbook/schema';
import { labelMatches, normalizeText } from '../playbook/text-match';

/** A field value equals one of the wanted values; a multi-select "Ключевой, VIP" matches by any part. */
function valueMatches(value: string, wanted: readonly string[]): boolean {
  const parts = [value, ...value.split(/[,;]/)].map(normalizeText).filter((p) => p !== '');
  const targets = new Set(wanted.map(normalizeText));
  return parts.some((p) => targets.has(p));
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
  const matched = segments.find((segment) => {
    const m = segment.match;
    if (m.by === 'field') return fields.some((f) => labelMatches(f.label, m.aliases) && valueMatches(f.value, m.values));
    if (m.by === 'stage') return stageId !== null && m.stages.includes(stageId);
    return false;
  });
  return matched ?? segments.find((segment) => segment.match.by === 'default');
}
