import Dexie, { type EntityTable } from 'dexie';
import { clientMailKeys } from '../mail/client-addresses';
import type { ClientRecord, ComplianceRecord, OutboxRecord, PlaybookRecord, TouchRecord, TrackedLetterRecord } from './records';
import type { SegmentRecord } from './segment-store';
import type { Reminder } from '../reminders/reminder';

/**
 * Sufler's local source of truth. Opened by the background service worker only: a
 * content script would open the CRM site's IndexedDB, and the panel iframe is refused
 * IndexedDB as third-party storage.
 *
 * Every schema change is a new version() block below the old ones, never an edit of a
 * shipped one, so existing users' data is migrated rather than dropped.
 */
export class SuflerDatabase extends Dexie {
  clients!: EntityTable<ClientRecord, 'key'>;
  touches!: EntityTable<TouchRecord, 'id'>;
  outbox!: EntityTable<OutboxRecord, 'seq'>;
  playbooks!: EntityTable<PlaybookRecord, 'id'>;
  compliance!: EntityTable<ComplianceRecord, 'id'>;
  trackedLetters!: EntityTable<TrackedLetterRecord, 'id'>;
  segments!: EntityTable<SegmentRecord, 'clientKey'>;
  reminders!: EntityTable<Reminder, 'id'>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      clients: 'key, updatedAt',
      // [clientKey+at] serves "this client's touches, newest first"; at serves reports.
      touches: 'id, clientKey, [clientKey+at], at',
      // seq is the push order; [entity+entityId] finds the rows of one record.
      outbox: '++seq, state, [entity+entityId]',
      playbooks: 'id, active, importedAt',
    });
    // Compliance snapshots: [clientKey+day] finds today's snapshot of a deal; day serves clean-up.
    this.version(2).stores({
      compliance: 'id, [clientKey+day], day',
    });
    // Callback reminders: at orders them; the few not yet fired are found by a scan.
    this.version(3).stores({
      reminders: 'id, at',
    });
    // Email tracking: a recipient finds its client by address or company domain (multi-entry
    // indexes on the client row), and each sent letter is kept once per webmail message.
    this.version(4)
      .stores({
        clients: 'key, updatedAt, *mailAddresses, *mailDomains',
        trackedLetters: 'id, &letterKey, clientKey, sentAt',
      })
      .upgrade((tx) =>
        tx
          .table('clients')
          .toCollection()
          .modify((row: { context?: { contacts?: unknown } }) => {
            const contacts = row.context?.contacts;
            if (Array.isArray(contacts)) Object.assign(row, clientMailKeys({ contacts: contacts.filter(isContactLike) }));
          }),
      );
    // The team's client segments as the server last sent them (pulled, never pushed).
    this.version(5).stores({
      segments: 'clientKey, class',
    });
  }
}

function isContactLike(c: unknown): c is { name: string; phones: string[]; emails: string[] } {
  const emails = (c as { emails?: unknown } | null)?.emails;
  return Array.isArray(emails) && emails.every((e) => typeof e === 'string');
}

export const DEFAULT_DB_NAME = 'sufler';

export function openDatabase(name: string = DEFAULT_DB_NAME): SuflerDatabase {
  return new SuflerDatabase(name);
}
