import type { WalkStore } from '../playbook/script-walk';

export type WalkValue = string | string[] | null;

/**
 * The panel's copy of its client's script walk-through positions. The background holds them
 * (per client, across reloads, shared by the docked and the side panel) and sends them in
 * each state; the script walk reads this copy synchronously and its writes go back to the
 * background. A state for another client replaces the copy, so nothing leaks across clients.
 */
export interface WalkMirror {
  store: WalkStore;
  load(clientKey: string | null, walk: Record<string, WalkValue> | undefined): void;
}

export function createWalkMirror(send: (clientKey: string, key: string, value: WalkValue) => void): WalkMirror {
  let client: string | null = null;
  let entries = new Map<string, WalkValue>();
  return {
    store: {
      read: (key) => entries.get(key) ?? null,
      write(key, value) {
        const walkValue = toWalkValue(value);
        entries.set(key, walkValue);
        if (client !== null) send(client, key, walkValue);
      },
    },
    load(clientKey, walk) {
      client = clientKey;
      entries = new Map(Object.entries(walk ?? {}));
    },
  };
}

function toWalkValue(value: unknown): WalkValue {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return null;
}
