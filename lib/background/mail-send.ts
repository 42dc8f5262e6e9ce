import { pixelMarkup } from '../adapters/mail/pixel-markup';
import { clientForRecipients } from '../db/client-mail-match';
import type { SuflerDatabase } from '../db/database';
import { outboxUpsert } from '../db/outbox';
import { TrackedLetterRecordSchema, type TrackedLetterRecord } from '../db/records';
import { newId } from '../ids';
import { trackedRecipients } from '../mail/never-track';
import { MailSendRequestSchema, type MailSendAnswer, type MailSendRequest } from '../messaging/mail-messages';
import { serverCall, safeJson, type FetchLike } from '../reports/report-client';
import { readSyncConfig } from '../sync/sync-setup';
import type { SyncTrigger } from '../sync/sync-trigger';
import { TouchSchema, type Touch } from '../touches/touch';
import { toStorableText } from '../wire/bounded-text';
import { CreatedTrackedEmailSchema, type CreatedTrackedEmail } from '../wire/tracking';
import type { StorageAreaLike } from './background-deps';
import { readSettings } from './settings-storage';

/** The page-world hook waits 5 s; the server gets 4 of them, so the answer is never late. */
export const TRACKING_SERVER_TIMEOUT_MS = 4000;

export interface MailSendDeps {
  db: SuflerDatabase;
  local: StorageAreaLike;
  sync: Pick<SyncTrigger, 'soon'>;
  fetch: FetchLike;
  now(): number;
  /** Block the sender's own pixel in this browser (declarativeNetRequest), once per sender key. */
  blockOwnPixels(created: CreatedTrackedEmail): Promise<void>;
  /** Webmail hosts (match patterns' hosts) a send may come from. */
  mailHosts: readonly string[];
}

export interface MailSender {
  tab?: { id?: number } | undefined;
  url?: string | undefined;
}

const NO_PIXEL: MailSendAnswer = { pixelHtml: null };

function fromWebmail(sender: MailSender | undefined, hosts: readonly string[]): boolean {
  if (sender?.tab?.id === undefined || sender.url === undefined) return false;
  try {
    return hosts.includes(new URL(sender.url).host);
  } catch {
    return false;
  }
}

/**
 * runtime.onMessage for `mail:send`: undefined, synchronously, for any other message. A letter
 * to clients gets a pixel from the team server, and the tracked letter and its "email sent"
 * touch (with the touch's outbox row) are written in one transaction before the answer, so
 * what the client opens is always a letter we know. Without a server, or when it is slow, the
 * letter goes untracked but its touch is still logged: nothing the manager did is lost.
 */
export function handleMailMessage(deps: MailSendDeps, raw: unknown, sender: MailSender | undefined): Promise<MailSendAnswer> | undefined {
  if ((raw as { type?: unknown } | null)?.type !== 'mail:send') return undefined;
  const parsed = MailSendRequestSchema.safeParse(raw);
  if (!parsed.success || !fromWebmail(sender, deps.mailHosts)) return Promise.resolve(NO_PIXEL);
  return onSend(deps, parsed.data).catch((error: unknown) => {
    console.warn('Sufler: a letter went out untracked', error);
    return NO_PIXEL;
  });
}

async function onSend(deps: MailSendDeps, request: MailSendRequest): Promise<MailSendAnswer> {
  const settings = await readSettings(deps.local);
  const { letter } = request;
  const recipients = trackedRecipients([...letter.to, ...letter.cc, ...letter.bcc], settings.neverTrack ?? [], request.from);
  if (recipients.length === 0) return NO_PIXEL;
  const letterKey = `${request.site}:${letter.messageId}`;
  const known = await deps.db.trackedLetters.where('letterKey').equals(letterKey).first();
  // The webmail retried the same send: the same pixel again, nothing logged twice.
  if (known !== undefined) return { pixelHtml: pixelMarkup(TrackedLetterRecordSchema.parse(known).pixelUrl) };

  const now = deps.now();
  const subject = toStorableText(letter.subject, 1000);
  const client = await clientForRecipients(deps.db, recipients);
  const id = newId(now);
  const touch: Touch | null =
    client === null ? null : TouchSchema.parse({ id: newId(now), clientKey: client.key, kind: 'email', outcome: 'sent', comment: subject, at: now, stageId: null });
  const created = settings.mailTracking === false ? null : await issuePixel(deps, { id, subject, recipients, sentAt: now, ...(client === null ? {} : { clientId: client.key }) });

  const record: TrackedLetterRecord | null =
    created === null ? null : { id, letterKey, subject, recipients, clientKey: client?.key ?? null, sentAt: now, pixelUrl: created.pixelUrl, touchId: touch?.id ?? null };
  await deps.db.transaction('rw', deps.db.trackedLetters, deps.db.touches, deps.db.outbox, async () => {
    if (record !== null) await deps.db.trackedLetters.add(record);
    if (touch !== null) {
      await deps.db.touches.add(touch);
      await deps.db.outbox.add(outboxUpsert('touch', touch.id, touch, now));
    }
  });
  if (touch !== null) deps.sync.soon();
  if (created === null) return NO_PIXEL;
  await deps.blockOwnPixels(created).catch((error: unknown) => console.warn('Sufler: could not block the own pixel', error));
  return { pixelHtml: pixelMarkup(created.pixelUrl) };
}

async function issuePixel(deps: MailSendDeps, body: { id: string; subject: string; recipients: string[]; sentAt: number; clientId?: string }): Promise<CreatedTrackedEmail | null> {
  const config = await readSyncConfig(deps.local);
  if (config === null) return null;
  const answer = await serverCall(config, '/api/tracked-emails', deps.fetch, { method: 'POST', body }, TRACKING_SERVER_TIMEOUT_MS);
  if (!answer.ok) {
    console.warn('Sufler: the team server issued no pixel', answer.error);
    return null;
  }
  return safeJson(answer.body, CreatedTrackedEmailSchema);
}
