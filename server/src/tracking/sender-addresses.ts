import type { Queryable } from '../db/database';
import { ipHash } from './pixel-secrets';

/** How long an address a sender used stays "theirs" for the probably-the-sender rule. */
export const RECENT_SENDER_ADDRESS_MS = 24 * 60 * 60 * 1000;
/** One write per user and address at most this often: requests stay reads. */
const WRITE_EVERY_MS = 10 * 60 * 1000;
/** Memory bound of the throttle; past it the throttle forgets and starts over. */
const MAX_REMEMBERED = 50_000;

/**
 * Remembers (hashed, never bare) the addresses each user's authenticated requests come from,
 * so a pixel hit from the same address can be shown as "probably the sender".
 */
export class SenderAddresses {
  private readonly written = new Map<string, number>();

  constructor(
    private readonly db: Queryable,
    private readonly secret: string,
  ) {}

  async seen(userId: string, ip: string, now = Date.now()): Promise<void> {
    const hash = ipHash(this.secret, ip);
    const key = `${userId}\0${hash}`;
    const last = this.written.get(key);
    if (last !== undefined && now - last < WRITE_EVERY_MS) return;
    if (this.written.size >= MAX_REMEMBERED) this.written.clear();
    this.written.set(key, now);
    await this.db.query(
      `INSERT INTO sender_addresses (user_id, ip_hash, last_seen) VALUES ($1::bigint, $2, now())
       ON CONFLICT (user_id, ip_hash) DO UPDATE SET last_seen = excluded.last_seen`,
      [userId, hash],
    );
  }
}
