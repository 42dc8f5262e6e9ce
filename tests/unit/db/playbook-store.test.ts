import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SuflerDatabase } from '../../../lib/db/database';
import { getActivePlaybook, importPlaybook, resetPlaybook } from '../../../lib/db/playbook-store';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { freshDatabase } from './sample-records';

let db: SuflerDatabase;
afterEach(async () => {
  vi.restoreAllMocks();
  await db?.delete();
});

describe('playbook store', () => {
  it('uses the bundled default when nothing was imported', async () => {
    db = freshDatabase();
    expect(await getActivePlaybook(db)).toEqual({ playbook: DEFAULT_PLAYBOOK, origin: 'default', problems: [] });
  });

  it('makes a valid import the active playbook, and reset goes back to the default', async () => {
    db = freshDatabase();
    const teamFile: unknown = JSON.parse(JSON.stringify(DEFAULT_PLAYBOOK));
    expect(await importPlaybook(db, teamFile)).toEqual({ ok: true });

    const active = await getActivePlaybook(db);
    expect(active.origin).toBe('imported');
    expect(active.problems).toEqual([]);

    await resetPlaybook(db);
    expect((await getActivePlaybook(db)).origin).toBe('default');
  });

  it('stores nothing for an invalid file and names its problems', async () => {
    db = freshDatabase();
    const result = await importPlaybook(db, { stages: 'not a list' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
    expect(await db.playbooks.count()).toBe(0);
    expect((await getActivePlaybook(db)).origin).toBe('default');
  });

  it('falls back to the default, with the reason, when the stored playbook no longer parses', async () => {
    db = freshDatabase();
    await db.playbooks.add({ id: 'old', version: '0', importedAt: 1, active: 1, origin: 'file', playbook: { stages: 42 } });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

    const active = await getActivePlaybook(db);
    expect(active.origin).toBe('default');
    expect(active.playbook).toBe(DEFAULT_PLAYBOOK);
    expect(active.problems.join('\n')).toContain('old');
    expect(warn).toHaveBeenCalled();
  });

  it('falls back to the default when the stored row itself is damaged', async () => {
    db = freshDatabase();
    await db.playbooks.put({ id: 'broken', active: 1 } as never);
    vi.spyOn(console, 'warn').mockImplementation(() => {});

    const active = await getActivePlaybook(db);
    expect(active.origin).toBe('default');
    expect(active.problems.length).toBeGreaterThan(0);
  });

  it('parses an imported playbook once when stored, not on every read', async () => {
    db = freshDatabase();
    const teamFile = JSON.parse(JSON.stringify(DEFAULT_PLAYBOOK)) as { name: { ru: string; en: string } };
    await importPlaybook(db, teamFile, 1_000);
    const first = await getActivePlaybook(db);
    const second = await getActivePlaybook(db);
    // A parse makes a new object: the same one back means no parse happened on read.
    expect(second.playbook).toBe(first.playbook);
    expect(first.playbook).toEqual(DEFAULT_PLAYBOOK);

    // Another import is another playbook, never the cached one.
    await importPlaybook(db, { ...teamFile, name: { ru: 'Другой', en: 'Another' } }, 2_000);
    const third = await getActivePlaybook(db);
    expect(third.playbook).not.toBe(first.playbook);
    expect(third.playbook.name).toEqual({ ru: 'Другой', en: 'Another' });
  });
});
