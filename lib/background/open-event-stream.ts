import { sseReader } from '../mail/sse-events';
import type { FetchLike } from '../reports/report-client';
import { readSyncConfig } from '../sync/sync-setup';
import { EmailOpenEventSchema, type EmailOpenEvent } from '../wire/tracking';
import type { StorageAreaLike } from './background-deps';

/** How long to wait before connecting again after the stream ended or failed. */
export const RECONNECT_MS = 5000;

export interface OpenStreamDeps {
  local: StorageAreaLike;
  fetch: FetchLike;
  onEvent(event: EmailOpenEvent): void;
  /** Waits; a test makes it immediate. */
  sleep(ms: number): Promise<void>;
}

/**
 * Holds `GET /api/events` open while the worker lives, so a counted open reaches the sender in
 * about a second; when the worker sleeps the stream goes with it, and the periodic sync is the
 * fallback (its pull brings the open's touch). Reconnects after every end or failure; the
 * signal stops it. With no server connected it checks again after the same pause.
 */
export async function followOpenEvents(deps: OpenStreamDeps, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    try {
      const config = await readSyncConfig(deps.local);
      if (config !== null) {
        const response = await deps.fetch(`${config.serverUrl}/api/events`, { headers: { authorization: `Bearer ${config.token}`, accept: 'text/event-stream' }, signal });
        if (response.ok && response.body !== null) {
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          const read = sseReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            for (const event of read(value)) {
              if (event.event !== 'email_open') continue;
              try {
                const parsed = EmailOpenEventSchema.safeParse(JSON.parse(event.data));
                if (parsed.success) deps.onEvent(parsed.data);
              } catch {
                // A line that is not JSON: skipped, the stream goes on.
              }
            }
          }
        }
      }
    } catch {
      // Offline, refused, or aborted: wait and try again (or stop, below).
    }
    if (!signal.aborted) await deps.sleep(RECONNECT_MS);
  }
}
