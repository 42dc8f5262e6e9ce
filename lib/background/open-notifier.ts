import { z } from 'zod';
import type { SuflerDatabase } from '../db/database';
import { ClientRecordSchema, TouchRecordSchema } from '../db/records';
import type { Lang } from '../i18n/lang';
import { openNotice, type OpenNotice } from '../mail/open-notice';
import type { EmailOpenEvent } from '../wire/tracking';
import type { StorageAreaLike } from './background-deps';

export const OPEN_NOTICES_KEY = 'sufler:open-notices';
/** The ids of this many latest notices are kept, so none is shown twice. */
const SHOWN_KEPT = 500;

const NoticeStateSchema = z.object({
  /** Opens before the first check (the history a first sync brings) are not announced. */
  since: z.number(),
  shown: z.array(z.string()).max(SHOWN_KEPT),
});
type NoticeState = z.infer<typeof NoticeStateSchema>;

export interface NotificationsLike {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string; priority?: number; requireInteraction?: boolean }): Promise<string>;
}

export interface OpenNotifierDeps {
  db: SuflerDatabase;
  local: StorageAreaLike;
  notifications: NotificationsLike | null;
  iconUrl: string;
  now(): number;
  lang(): Promise<Lang>;
}

export interface OpenNotifier {
  /** Announce every email_open touch not yet announced (after each sync run, and at start). */
  check(): Promise<void>;
  /** An open of a letter linked to no client has no touch: announced from the event itself. */
  onEvent(event: EmailOpenEvent): Promise<void>;
  /** The CRM card a clicked notification leads to, or null. */
  cardFor(notificationId: string): Promise<string | null>;
}

/**
 * Browser notifications of counted opens. Each touch is announced once, wherever it came from
 * (the live event stream triggers a sync, whose pull brings the touch; an open that happened
 * while the browser was closed arrives with the first sync after it starts). Checks run one
 * after another, so two at once cannot announce the same open twice.
 */
export function createOpenNotifier(deps: OpenNotifierDeps): OpenNotifier {
  let chain: Promise<unknown> = Promise.resolve();
  const serial = (work: () => Promise<void>): Promise<void> => {
    const next = chain.then(work).catch((error: unknown) => console.warn('Sufler: could not show an open', error));
    chain = next;
    return next;
  };
  const readState = async (): Promise<NoticeState | null> => {
    const parsed = NoticeStateSchema.safeParse((await deps.local.get(OPEN_NOTICES_KEY))[OPEN_NOTICES_KEY]);
    return parsed.success ? parsed.data : null;
  };
  const show = async (state: NoticeState, notice: OpenNotice): Promise<NoticeState> => {
    if (state.shown.includes(notice.id)) return state;
    // Remembered before it is shown: a crash in between loses one notice, never shows one twice.
    const next = { ...state, shown: [...state.shown, notice.id].slice(-SHOWN_KEPT) };
    await deps.local.set({ [OPEN_NOTICES_KEY]: next });
    await deps.notifications?.create(notice.id, { type: 'basic', iconUrl: deps.iconUrl, title: notice.title, message: notice.message, priority: 2, requireInteraction: true });
    return next;
  };
  const clientOf = async (key: string) => {
    const parsed = ClientRecordSchema.safeParse(await deps.db.clients.get(key));
    return parsed.success ? parsed.data : null;
  };

  return {
    check: () =>
      serial(async () => {
        let state = await readState();
        if (state === null) {
          await deps.local.set({ [OPEN_NOTICES_KEY]: { since: deps.now(), shown: [] } });
          return;
        }
        const rows = await deps.db.touches.where('at').aboveOrEqual(state.since).toArray();
        const lang = await deps.lang();
        for (const row of rows) {
          const touch = TouchRecordSchema.safeParse(row);
          if (!touch.success || touch.data.kind !== 'email_open' || touch.data.deleted === true) continue;
          if (state.shown.includes(`sufler-open:${touch.data.id}`)) continue;
          const client = await clientOf(touch.data.clientKey);
          const phone = client?.context.contacts.flatMap((c) => c.phones).find((p) => p.trim() !== '') ?? null;
          state = await show(state, openNotice({ noticeId: touch.data.id, subject: touch.data.comment, clientName: client?.name ?? null, phone, cardUrl: client?.context.url ?? null }, lang));
        }
      }),
    onEvent: (event) =>
      serial(async () => {
        if (event.touchId !== null) return;
        const state = await readState();
        if (state === null) return;
        await show(state, openNotice({ noticeId: `${event.trackedEmailId}:${event.at}`, subject: event.subject, clientName: null, phone: null, cardUrl: null }, await deps.lang()));
      }),
    async cardFor(notificationId) {
      const touchId = /^sufler-open:([0-9A-Za-z]+)$/.exec(notificationId)?.[1];
      if (touchId === undefined) return null;
      const touch = TouchRecordSchema.safeParse(await deps.db.touches.get(touchId));
      if (!touch.success) return null;
      return (await clientOf(touch.data.clientKey))?.context.url ?? null;
    },
  };
}
