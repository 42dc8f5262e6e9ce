import { afterEach, describe, expect, it } from 'vitest';
import type { SuflerDatabase } from '../../../lib/db/database';
import { dismissPlaybookNotice, getActivePlaybook, importTeamPlaybook } from '../../../lib/db/playbook-store';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { playbookChange } from '../../../lib/playbook/playbook-change';
import type { Playbook } from '../../../lib/playbook/schema';
import { freshDatabase } from './sample-records';

let db: SuflerDatabase;
afterEach(async () => {
  await db?.delete();
});

/**
 * The default without its growth stage (so the two objections shown at it lose it), with a new
 * tender stage and the first objection's answer reworded: three objections changed in all.
 */
function edited(): Playbook {
  const pb = structuredClone(DEFAULT_PLAYBOOK) as Playbook;
  pb.stages = pb.stages.filter((s) => s.id !== 'growth');
  for (const o of pb.objections) o.stages = o.stages.filter((id) => id !== 'growth');
  pb.stages.push({ ...pb.stages[1]!, id: 'tender', name: { ru: 'Тендер', en: 'Tender' }, crmNames: ['Тендер'], crmStages: undefined, inheritFrom: undefined });
  delete pb.stages[pb.stages.length - 1]!.crmStages;
  delete pb.stages[pb.stages.length - 1]!.inheritFrom;
  pb.objections[0]!.answers = [{ ru: 'Новый ответ', en: 'A new answer' }];
  return pb;
}

describe('the "playbook changed" notice', () => {
  it('names the stages added and removed and counts changed objections', () => {
    const change = playbookChange(DEFAULT_PLAYBOOK, edited());
    expect(change.stagesAdded).toEqual([{ ru: 'Тендер', en: 'Tender' }]);
    expect(change.stagesRemoved).toEqual([DEFAULT_PLAYBOOK.stages.find((s) => s.id === 'growth')!.name]);
    expect(change.scriptsChanged).toEqual([]);
    expect(change.objectionsChanged).toBe(3);
    expect(playbookChange(DEFAULT_PLAYBOOK, DEFAULT_PLAYBOOK)).toEqual({ stagesAdded: [], stagesRemoved: [], scriptsChanged: [], objectionsChanged: 0 });
  });

  it('a pulled team version carries what it changed against the playbook in use, until dismissed', async () => {
    db = freshDatabase();
    expect(await importTeamPlaybook(db, JSON.parse(JSON.stringify(DEFAULT_PLAYBOOK)), 1)).toEqual({ ok: true });
    expect((await getActivePlaybook(db)).notice).toMatchObject({ version: 1, dismissed: false, change: { stagesAdded: [], objectionsChanged: 0 } });

    expect(await importTeamPlaybook(db, edited(), 2)).toEqual({ ok: true });
    const active = await getActivePlaybook(db);
    expect(active.notice?.version).toBe(2);
    expect(active.notice?.change.stagesAdded).toEqual([{ ru: 'Тендер', en: 'Tender' }]);

    // Dismissing an older version's line changes nothing; this version's closes it.
    await dismissPlaybookNotice(db, 1);
    expect((await getActivePlaybook(db)).notice?.version).toBe(2);
    await dismissPlaybookNotice(db, 2);
    expect((await getActivePlaybook(db)).notice).toBeUndefined();
  });

  it('an invalid version changes nothing and raises no notice', async () => {
    db = freshDatabase();
    expect((await importTeamPlaybook(db, { ...DEFAULT_PLAYBOOK, stages: [] }, 3)).ok).toBe(false);
    expect((await getActivePlaybook(db)).notice).toBeUndefined();
  });
});
