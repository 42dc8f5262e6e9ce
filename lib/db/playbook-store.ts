import { DEFAULT_PLAYBOOK } from '../playbook/default-playbook';
import { parsePlaybook } from '../playbook/parse-playbook';
import { playbookChange, type PlaybookNotice } from '../playbook/playbook-change';
import type { Playbook } from '../playbook/schema';
import { newId } from '../ids';
import type { SuflerDatabase } from './database';
import { PlaybookRecordSchema, type PlaybookRecord } from './records';

export interface ActivePlaybook {
  playbook: Playbook;
  /** 'imported': a file imported by hand; 'team': published on the team server; 'default': the bundled one. */
  origin: 'imported' | 'team' | 'default';
  /** Why an imported playbook could not be used (empty when nothing went wrong). */
  problems: string[];
  /** A team version's "playbook changed" line, until dismissed. */
  notice?: PlaybookNotice;
}

/**
 * The active record's parsed playbook, kept in memory: a playbook is parsed once when it is
 * stored (or once per worker start, so an extension update still judges a stored one by
 * its schema), not on every read, which happens several times a second while a card is
 * edited. Keyed by id and import time: a re-import under the same id is a new key.
 */
let parsedActive: { key: string; playbook: Playbook } | null = null;

const recordKey = (record: Pick<PlaybookRecord, 'id' | 'importedAt'>) => `${record.id}@${record.importedAt}`;

/**
 * The playbook the engine applies: the active imported one, or the bundled default.
 * Never throws: a stored playbook that no longer parses (an older schema, a damaged row)
 * falls back to the default and says why, so the panel keeps working.
 */
export async function getActivePlaybook(db: SuflerDatabase): Promise<ActivePlaybook> {
  let rows: unknown[];
  try {
    rows = await db.playbooks.where('active').equals(1).toArray();
  } catch (error) {
    return fallback([`Sufler: could not read the stored playbook: ${String(error)}`]);
  }
  const records: PlaybookRecord[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const parsed = PlaybookRecordSchema.safeParse(row);
    if (parsed.success) records.push(parsed.data);
    else problems.push(`Sufler: corrupt playbook row: ${parsed.error.message}`);
  }
  // Only one row should be active; if several are, the newest import wins.
  const newest = records.sort((a, b) => b.importedAt - a.importedAt)[0];
  if (newest === undefined) return problems.length > 0 ? fallback(problems) : { playbook: DEFAULT_PLAYBOOK, origin: 'default', problems };
  const origin = newest.origin === 'team' ? 'team' : 'imported';
  const key = recordKey(newest);
  const notice = newest.notice !== undefined && !newest.notice.dismissed ? { notice: newest.notice } : {};
  if (parsedActive?.key === key) return { playbook: parsedActive.playbook, origin, problems, ...notice };
  const result = parsePlaybook(newest.playbook);
  if (result.ok) {
    parsedActive = { key, playbook: result.playbook };
    return { playbook: result.playbook, origin, problems, ...notice };
  }
  return fallback([...problems, `Sufler: stored playbook ${newest.id} no longer parses:`, ...result.errors]);
}

function fallback(problems: string[]): ActivePlaybook {
  console.warn(problems.join('\n'));
  return { playbook: DEFAULT_PLAYBOOK, origin: 'default', problems };
}

export type ImportResult = { ok: true } | { ok: false; errors: string[] };

/** Make a team's playbook the active one. An invalid file stores nothing and names every problem. */
export function importPlaybook(db: SuflerDatabase, input: unknown, now: number = Date.now()): Promise<ImportResult> {
  return activate(db, input, (playbook) => ({
    id: newId(now),
    version: String(playbook.version),
    importedAt: now,
    active: 1,
    origin: 'file',
    playbook,
  }));
}

/**
 * Make a version the team server published the active playbook. It is parsed like a file
 * (an older extension must not trust a newer shape), and an invalid one changes nothing.
 */
export async function importTeamPlaybook(db: SuflerDatabase, input: unknown, version: number, now: number = Date.now()): Promise<ImportResult> {
  // What the manager used until now, so the panel can say what this version changed.
  const before = (await getActivePlaybook(db)).playbook;
  return activate(db, input, (playbook) => ({
    // One row per published version: pulling it again replaces, never adds.
    id: `team-v${version}`,
    version: String(version),
    importedAt: now,
    active: 1,
    origin: 'team',
    playbook,
    notice: { version, change: playbookChange(before, playbook), dismissed: false },
  }));
}

/** The manager closed the "playbook changed" line of this team version. */
export async function dismissPlaybookNotice(db: SuflerDatabase, version: number): Promise<void> {
  await db.playbooks
    .where('active')
    .equals(1)
    .modify((row: { notice?: PlaybookNotice }) => {
      if (row.notice?.version === version) row.notice = { ...row.notice, dismissed: true };
    });
}

/** Parse, then store the record as the only active playbook, in one transaction. */
async function activate(
  db: SuflerDatabase,
  input: unknown,
  toRecord: (playbook: Playbook) => PlaybookRecord,
): Promise<ImportResult> {
  const result = parsePlaybook(input);
  if (!result.ok) return { ok: false, errors: result.errors };
  // Stored as parsed; reads reuse this parse (see parsedActive).
  const record = toRecord(result.playbook);
  await db.transaction('rw', db.playbooks, async () => {
    await db.playbooks.where('active').equals(1).modify({ active: 0 });
    await db.playbooks.put(record);
  });
  parsedActive = { key: recordKey(record), playbook: result.playbook };
  return { ok: true };
}

/** Go back to the bundled default; imported playbooks are kept, inactive. */
export async function resetPlaybook(db: SuflerDatabase): Promise<void> {
  await db.playbooks.where('active').equals(1).modify({ active: 0 });
}
