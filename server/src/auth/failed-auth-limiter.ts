/**
 * Refuses token guessing before it reaches the database. Every failed authentication (missing,
 * malformed, unknown, revoked or expired token) counts against the caller's IP in a fixed
 * window; past `maxFailures` the IP gets 429 before its token is looked up, except for tokens
 * that authenticated recently — so one bad token behind a shared office address does not lock
 * the whole team out.
 */
export interface FailedAuthLimiterOptions {
  maxFailures: number;
  windowMs: number;
  now?: () => number;
}

interface Window {
  start: number;
  failures: number;
}

/** Bounds on what the limiter remembers, so a flood of addresses cannot grow it without end. */
const MAX_ADDRESSES = 100_000;
const MAX_GOOD_TOKENS = 10_000;

export class FailedAuthLimiter {
  private readonly windows = new Map<string, Window>();
  private readonly goodTokens = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly options: FailedAuthLimiterOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Milliseconds to wait when this IP must be refused now, else 0. */
  blockedFor(ip: string, tokenHash: string | null): number {
    const w = this.current(ip);
    if (w === null || w.failures < this.options.maxFailures) return 0;
    if (tokenHash !== null && (this.goodTokens.get(tokenHash) ?? 0) > this.now() - this.options.windowMs) return 0;
    return w.start + this.options.windowMs - this.now();
  }

  recordFailure(ip: string): void {
    const w = this.current(ip);
    if (w !== null) {
      w.failures++;
      return;
    }
    if (this.windows.size >= MAX_ADDRESSES) this.sweep();
    this.windows.set(ip, { start: this.now(), failures: 1 });
  }

  recordSuccess(tokenHash: string): void {
    if (this.goodTokens.size >= MAX_GOOD_TOKENS) this.goodTokens.clear();
    this.goodTokens.set(tokenHash, this.now());
  }

  /** Forgets a token at once (revoked or expired), so it no longer passes a blocked IP. */
  forgetToken(tokenHash: string): void {
    this.goodTokens.delete(tokenHash);
  }

  private current(ip: string): Window | null {
    const w = this.windows.get(ip);
    if (w === undefined) return null;
    if (w.start + this.options.windowMs <= this.now()) {
      this.windows.delete(ip);
      return null;
    }
    return w;
  }

  private sweep(): void {
    for (const ip of [...this.windows.keys()]) this.current(ip);
    if (this.windows.size >= MAX_ADDRESSES) this.windows.clear();
  }
}
