import type { EmailOpenEvent } from '../../../lib/wire/tracking';

type Listener = (event: EmailOpenEvent) => void;

/**
 * Counted opens, announced to the sender's open event streams in this process. Best effort by
 * design: the open is already committed as a touch, which every device gets by pull anyway.
 */
export class OpenEvents {
  private readonly listeners = new Map<string, Set<Listener>>();

  subscribe(userId: string, listener: Listener): () => void {
    const set = this.listeners.get(userId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  publish(userId: string, event: EmailOpenEvent): void {
    for (const listener of this.listeners.get(userId) ?? []) listener(event);
  }

  /** Open streams, for tests and the health of the server. */
  get size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}
