import { DIGEST_ALARM, DIGEST_NOTICE_PREFIX, DEFAULT_DIGEST_HOUR, DigestRequestSchema, digestDayOf, type DigestAnswer } from '../digest/digest-messages';
import { fetchDigest } from '../digest/digest-client';
import { dayIn, knownZone, nextDigestAt } from '../digest/next-digest-at';
import type { Lang } from '../i18n/lang';
import { translate } from '../i18n/translate';
import type { FetchLike } from '../reports/report-client';
import { readSyncConfig } from '../sync/sync-setup';
import type { AlarmsLike } from '../sync/sync-runner';
import type { StorageAreaLike } from './background-deps';
import { isExtensionPageSender, type OwnExtension, type SenderLike } from './extension-sender';
import type { NotificationsLike } from './open-notifier';
import { readSettings } from './settings-storage';

export interface DigestNotifierDeps {
  local: StorageAreaLike;
  fetch: FetchLike;
  alarms: AlarmsLike | null;
  notifications: NotificationsLike | null;
  iconUrl: string;
  own: OwnExtension;
  now(): number;
  /** The browser's time zone (Intl), where the head's hour is read. */
  timeZone(): string;
  lang(): Promise<Lang>;
}

export interface DigestNotifier {
  /** Set the alarm for the next digest (worker start, and whenever the settings change). */
  arm(): Promise<void>;
  /** alarms.onAlarm: fetch the day's digest, notify a head, set the next alarm. */
  onAlarm(name: string, scheduledTime: number): Promise<void>;
  /** The printable page a clicked digest notification opens (a path), or null for another notification. */
  pageFor(notificationId: string): `/digest.html?date=${string}` | null;
  /** runtime.onMessage for the printable page (`digest:get`); undefined, synchronously, for anything else. */
  onMessage(raw: unknown, sender: SenderLike | undefined): Promise<DigestAnswer> | undefined;
}

/**
 * The head's daily digest of violations in the browser. The alarm fires at the chosen hour in the
 * browser's zone; the digest is of the day the alarm was due (a browser asleep at 19:00 gets that
 * evening's digest when it wakes, not the next day's). A manager's token gets 403 from the server
 * and so no notification: whether someone is a head is the server's to say.
 */
export function createDigestNotifier(deps: DigestNotifierDeps): DigestNotifier {
  const zone = () => knownZone(deps.timeZone());
  const arm = async (): Promise<void> => {
    const hour = (await readSettings(deps.local)).digestHour ?? DEFAULT_DIGEST_HOUR;
    await deps.alarms?.create(DIGEST_ALARM, { when: nextDigestAt(deps.now(), hour, zone()) });
  };
  return {
    arm,
    async onAlarm(name, scheduledTime) {
      if (name !== DIGEST_ALARM) return;
      try {
        const config = await readSyncConfig(deps.local);
        if (config === null) return;
        const date = dayIn(scheduledTime, zone());
        const lang = await deps.lang();
        const answer = await fetchDigest(config, date, lang, deps.fetch);
        if (!answer.ok) {
          if (answer.error.code !== 'forbidden') console.warn('Sufler: no daily digest', answer.error);
          return;
        }
        const { belowNorm, gaps, overdue } = answer.digest.tables;
        const counts = { below: belowNorm.length, gaps: gaps.length, overdue: overdue.length };
        const message = counts.below + counts.gaps + counts.overdue === 0 ? translate(lang, 'digest.notice.clean') : translate(lang, 'digest.notice.message', counts);
        await deps.notifications?.create(`${DIGEST_NOTICE_PREFIX}${date}`, {
          type: 'basic',
          iconUrl: deps.iconUrl,
          title: translate(lang, 'digest.notice.title', { date }),
          message,
          priority: 1,
        });
      } finally {
        await arm();
      }
    },
    pageFor(notificationId) {
      const day = digestDayOf(notificationId);
      return day === null ? null : `/digest.html?date=${day}`;
    },
    onMessage(raw, sender) {
      const type = (raw as { type?: unknown } | null)?.type;
      if (type !== 'digest:get') return undefined;
      const parsed = DigestRequestSchema.safeParse(raw);
      if (!parsed.success) return Promise.resolve({ ok: false, error: { code: 'bad_request', message: parsed.error.issues[0]?.message ?? 'invalid request' } });
      if (!isExtensionPageSender(sender, deps.own)) {
        return Promise.resolve({ ok: false, error: { code: 'forbidden', message: 'the digest is for the extension pages only' } });
      }
      return (async () => {
        const config = await readSyncConfig(deps.local);
        if (config === null) return { ok: false, error: { code: 'not_configured', message: 'no team server is connected' } } as const;
        return fetchDigest(config, parsed.data.date, parsed.data.lang, deps.fetch);
      })();
    },
  };
}
