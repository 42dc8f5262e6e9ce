import type { Touch, TouchDraft } from './touch';

/**
 * A touch is edited or deleted by writing a new version under the same id. Every copy
 * (this device, another device, the server) picks the current version with the same rule,
 * so they all agree whatever order the versions arrive in:
 * 1. a deletion wins over any edit (a touch deleted on one device stays deleted; an edit
 *    made elsewhere meanwhile is kept in the server's history, not applied);
 * 2. then the higher version number;
 * 3. then the later updatedAt (two devices editing the same version: the last writer wins);
 * 4. then the content itself, so even a full tie has one answer everywhere.
 */
export function touchVersion(touch: Touch): number {
  return touch.version ?? 1;
}

function rank(touch: Touch): [number, number, number] {
  return [touch.deleted === true ? 1 : 0, touchVersion(touch), touch.updatedAt ?? touch.at];
}

/** Positive when `a` is the newer version, negative when `b` is, 0 for the same content. */
export function compareTouchVersions(a: Touch, b: Touch): number {
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i += 1) {
    const d = (ra[i] ?? 0) - (rb[i] ?? 0);
    if (d !== 0) return d;
  }
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  return ja === jb ? 0 : ja > jb ? 1 : -1;
}

/**
 * The next version after `current`. Its time never goes backwards, even when this device's
 * clock is behind the one that wrote `current`, so the edit still wins as the last one.
 */
function nextVersion(current: Touch, now: number): Pick<Touch, 'version' | 'updatedAt'> {
  return { version: touchVersion(current) + 1, updatedAt: Math.max(now, (current.updatedAt ?? current.at) + 1) };
}

/** `current` with the manager's changes: what was said and how it went; who and when stay. */
export function editedTouch(current: Touch, edit: TouchDraft, now: number): Touch {
  return { ...current, kind: edit.kind, outcome: edit.outcome, comment: edit.comment, ...nextVersion(current, now) };
}

/** The tombstone of `current`: its content kept (history), marked deleted. */
export function deletedTouch(current: Touch, now: number): Touch {
  return { ...current, ...nextVersion(current, now), deleted: true };
}
