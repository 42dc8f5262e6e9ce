import type { MeResponse } from '../../lib/wire/me';

/**
 * What the Team server section needs from the browser and the background, passed in so
 * the view stays plain props (OptionsApp wires the real ones, tests pass fakes).
 */
export interface ServerDeps {
  /** Who the token belongs to; rejects with a SyncFailure-shaped {code, message}. */
  fetchMe(serverUrl: string, token: string): Promise<MeResponse>;
  configure(serverUrl: string, token: string): Promise<void>;
  disconnect(): Promise<void>;
  syncNow(): Promise<void>;
}
