import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Touch } from '../../lib/touches/touch';
import { deletedTouch, editedTouch } from '../../lib/touches/touch-versions';
import { ReportResponseSchema } from '../../lib/wire/reports';
import { BOOT_TIMEOUT, dbTargets } from './helpers/test-db';
import { makeTouch, pullAll, push, touchItem } from './helpers/sync-fixtures';
import { auth, startTestServer, type TestServer } from './helpers/test-server';

/** A touch logged on Monday 2026-06-01 12:00 UTC; edits come minutes later. */
const AT = Date.UTC(2026, 5, 1, 12);
const NOW = AT + 3_600_000;

describe.each(dbTargets())('editable touches on $name', (target) => {
  let s: TestServer;
  let t: TestServer['world']['tokens'];
  beforeAll(async () => {
    s = await startTestServer(target);
    t = s.world.tokens;
  }, BOOT_TIMEOUT);
  afterAll(async () => s.close(), BOOT_TIMEOUT);

  const current = async (token: string, device: string, id: string): Promise<Touch | undefined> => {
    const seen = (await pullAll(s.app, token, device)).flatMap((c) => (c.type === 'touch' && c.touch.id === id ? [c.touch] : []));
    return seen.at(-1);
  };
  const history = async (id: string) =>
    (await s.db.query('SELECT payload FROM touch_versions WHERE touch_id = $1', [id])).map((r) => r.payload as Touch);
  const annCalls = async (day: string): Promise<{ calls: unknown; meetings: unknown }> => {
    const res = await s.app.inject({ method: 'GET', url: `/api/reports/activity?from=${day}&to=${day}`, headers: auth(t.headNorth) });
    const rows = ReportResponseSchema.parse(res.json()).tables.byManager ?? [];
    const ann = rows.find((r) => r.manager === 'ann@acme.test');
    return { calls: ann?.calls, meetings: ann?.meetings };
  };

  it('an edit becomes the current version: other devices pull it, the original stays in history, the report counts the edit', async () => {
    const original = makeTouch({ at: AT, kind: 'call', comment: 'звонок' });
    await push(s.app, t.mgrNorth, 'laptop', [touchItem(original)]);
    expect(await annCalls('2026-06-01')).toEqual({ calls: 1, meetings: 0 });

    const edited = editedTouch(original, { kind: 'meeting', outcome: 'reached', comment: 'на самом деле встреча' }, NOW);
    expect((await push(s.app, t.mgrNorth, 'laptop', [touchItem(edited)])).results).toEqual([{ id: original.id, status: 'accepted' }]);
    expect(await current(t.mgrNorth, 'phone', original.id)).toEqual(edited);
    expect(await history(original.id)).toEqual([original]);
    expect(await annCalls('2026-06-01')).toEqual({ calls: 0, meetings: 1 });
    // A late resend of the original (an answer lost earlier) is a duplicate and changes nothing.
    expect((await push(s.app, t.mgrNorth, 'laptop', [touchItem(original)])).results[0]?.status).toBe('duplicate');
    expect(await current(t.mgrNorth, 'phone', original.id)).toEqual(edited);
  });

  it('a deletion is a tombstone: pulled by other devices, out of the reports, the deleted version kept', async () => {
    const original = makeTouch({ at: AT + 60_000, kind: 'call' });
    await push(s.app, t.mgrNorth, 'laptop', [touchItem(original)]);
    const before = await annCalls('2026-06-01');
    const tombstone = deletedTouch(original, NOW);
    expect((await push(s.app, t.mgrNorth, 'laptop', [touchItem(tombstone)])).results[0]?.status).toBe('accepted');
    expect(await current(t.mgrNorth, 'phone', original.id)).toMatchObject({ id: original.id, deleted: true, version: 2 });
    expect(await history(original.id)).toEqual([original]);
    expect(await annCalls('2026-06-01')).toEqual({ calls: Number(before.calls) - 1, meetings: before.meetings });
  });

  it('two devices edit the same touch: the later edit wins whichever arrives first, the other is kept', async () => {
    for (const laterFirst of [false, true]) {
      const original = makeTouch({ at: AT });
      await push(s.app, t.mgrNorth, 'laptop', [touchItem(original)]);
      const early = editedTouch(original, { kind: 'call', outcome: 'no_answer', comment: 'laptop' }, NOW);
      const late = editedTouch(original, { kind: 'call', outcome: 'callback', comment: 'phone' }, NOW + 5_000);
      const [first, second] = laterFirst ? [late, early] : [early, late];
      await push(s.app, t.mgrNorth, first === early ? 'laptop' : 'phone', [touchItem(first)]);
      const answer = (await push(s.app, t.mgrNorth, second === early ? 'laptop' : 'phone', [touchItem(second)])).results[0];
      expect(answer).toEqual(laterFirst ? { id: original.id, status: 'duplicate', reason: 'superseded' } : { id: original.id, status: 'accepted' });
      // The laptop made the early edit: its pull brings the phone's later one.
      expect(await current(t.mgrNorth, 'laptop', original.id)).toEqual(late);
      expect(new Set((await history(original.id)).map((v) => v.comment))).toEqual(new Set([original.comment, 'laptop']));
    }
  });

  it('an edit of a touch another device deleted is kept in history; the deletion stays', async () => {
    const original = makeTouch({ at: AT });
    await push(s.app, t.mgrNorth, 'laptop', [touchItem(original)]);
    await push(s.app, t.mgrNorth, 'phone', [touchItem(deletedTouch(original, NOW))]);
    // The laptop edits later by its clock, not knowing of the deletion.
    const edit = editedTouch(original, { kind: 'call', outcome: 'reached', comment: 'поздняя правка' }, NOW + 60_000);
    expect((await push(s.app, t.mgrNorth, 'laptop', [touchItem(edit)])).results[0]).toMatchObject({ status: 'duplicate', reason: 'superseded' });
    expect(await current(t.mgrNorth, 'laptop', original.id)).toMatchObject({ deleted: true });
    expect((await history(original.id)).map((v) => v.comment)).toContain('поздняя правка');
  });

  it('a touch logged, edited and deleted offline arrives in one batch and ends deleted, every version kept', async () => {
    const original = makeTouch({ at: AT });
    const edit = editedTouch(original, { kind: 'call', outcome: 'declined', comment: 'правка' }, NOW);
    const gone = deletedTouch(edit, NOW + 1);
    const res = await push(s.app, t.mgrNorth, 'laptop', [touchItem(original), touchItem(edit), touchItem(gone)]);
    expect(res.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    expect(await current(t.mgrNorth, 'phone', original.id)).toEqual(gone);
    expect((await history(original.id)).map((v) => v.version ?? 1).sort()).toEqual([1, 2]);
  });

  it('refuses a version dated ahead of the server clock, a version without its time, and a tombstone without a version', async () => {
    const original = makeTouch({ at: AT });
    await push(s.app, t.mgrNorth, 'laptop', [touchItem(original)]);
    const future = { ...editedTouch(original, { kind: 'call', outcome: 'reached', comment: 'x' }, NOW), updatedAt: Date.now() + 86_400_000 };
    const untimed: Touch = { ...original, version: 2, comment: 'y' };
    const bareTombstone: Touch = { ...original, deleted: true };
    const res = await push(s.app, t.mgrNorth, 'laptop', [touchItem(future), touchItem(untimed), touchItem(bareTombstone)]);
    expect(res.results.map((r) => r.reason)).toEqual([
      'invalid_payload: updatedAt: later than the server clock allows',
      'invalid_payload: updatedAt: required with version',
      'invalid_payload: version: an edit or a deletion carries its version',
    ]);
    expect(await current(t.mgrNorth, 'phone', original.id)).toEqual(original);
  });

  it("nobody edits another's touch: a teammate, another organisation and a move to another client are id_conflict", async () => {
    const original = makeTouch({ at: AT, comment: 'Ann' });
    await push(s.app, t.mgrNorth, 'laptop', [touchItem(original)]);
    const edit = editedTouch(original, { kind: 'call', outcome: 'declined', comment: 'чужая правка' }, NOW);
    for (const token of [t.mgrNorth2, t.mgrB]) {
      expect((await push(s.app, token, 'pc', [touchItem(edit)])).results[0]).toMatchObject({ status: 'rejected', reason: 'id_conflict' });
    }
    const moved = { ...edit, clientKey: 'amocrm:acme.amocrm.ru:lead:9999' };
    expect((await push(s.app, t.mgrNorth, 'laptop', [touchItem(moved)])).results[0]).toMatchObject({ status: 'rejected', reason: 'id_conflict' });
    expect(await current(t.mgrNorth, 'phone', original.id)).toEqual(original);
    expect(await history(original.id)).toEqual([]);
  });
});
