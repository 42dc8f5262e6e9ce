import { browser } from 'wxt/browser';
import { ulid } from 'ulid';
import { HUB_PORT_NAME, parseBackgroundToPanel } from './hub-envelope';
import type { PanelState, PanelToBackground } from './hub-messages';

/**
 * The panel's (and options page's) one line to the background: a runtime port that
 * reconnects by itself. The MV3 service worker is suspended at will and the extension
 * may be reloaded, so a dropped port is normal: we reconnect with a short backoff,
 * subscribe again, and re-send every action that got no ack. Re-sending is safe because
 * requestIds are ULIDs made here and the background treats them as idempotency keys
 * (a touch:log's requestId becomes the touch's id).
 */

/** The parts of a runtime Port we use; a real one or a test double. */
export interface PortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface RuntimeLike {
  connect(info: { name: string }): PortLike;
}

export type HubStatus = 'connecting' | 'connected' | 'reconnecting';

type WithRequestId = Extract<PanelToBackground, { requestId: string }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An action as the UI writes it; the client adds the requestId. */
export type HubAction = DistributiveOmit<WithRequestId, 'requestId'>;

export interface HubConnection {
  /** Sends an action; resolves on a clean ack, rejects with the ack's error text. */
  request(action: HubAction): Promise<void>;
  /** Subscribe (again) for a tab: the side panel follows the active tab. */
  setTabId(tabId: number | null): void;
  close(): void;
}

export interface ConnectHubOptions {
  /** null: the background takes the port's own tab (the docked iframe). */
  tabId: number | null;
  onState(state: PanelState): void;
  onStatus?(status: HubStatus): void;
  runtime?: RuntimeLike;
  /** Overridable for tests. */
  requestTimeoutMs?: number;
}

/** How long an action may go without an ack (mostly: without a connection). */
export const REQUEST_TIMEOUT_MS = 10_000;
/** Reconnect delays: quick at first (a worker wakes in well under a second), then capped. */
export const RECONNECT_DELAYS_MS = [100, 300, 1000, 2000] as const;

/** Raised when an action got no ack in time; the UI shows its own localized text for it. */
export class HubRequestTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`No answer from the extension's background in ${Math.round(timeoutMs / 1000)} s`);
    this.name = 'HubRequestTimeoutError';
  }
}

/** Raised for actions still waiting when the connection is closed on purpose. */
export class HubClosedError extends Error {
  constructor() {
    super('The panel connection was closed');
    this.name = 'HubClosedError';
  }
}

interface Pending {
  message: WithRequestId;
  resolve(): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

function defaultRuntime(): RuntimeLike {
  return browser.runtime as unknown as RuntimeLike;
}

export function connectHub(options: ConnectHubOptions): HubConnection {
  const runtime = options.runtime ?? defaultRuntime();
  const timeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const pending = new Map<string, Pending>();
  let tabId = options.tabId;
  let port: PortLike | null = null;
  let closed = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let status: HubStatus | null = null;

  const setStatus = (next: HubStatus) => {
    if (status === next) return;
    status = next;
    options.onStatus?.(next);
  };

  // A post to a port the other end just dropped throws; the disconnect handler that
  // follows takes care of reconnecting, so the error itself can be ignored.
  const post = (message: PanelToBackground): boolean => {
    if (!port) return false;
    try {
      port.postMessage(message);
      return true;
    } catch {
      return false;
    }
  };

  const armTimer = (entry: Pending) => {
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      pending.delete(entry.message.requestId);
      entry.reject(new HubRequestTimeoutError(timeoutMs));
    }, timeoutMs);
  };

  const onMessage = (raw: unknown) => {
    const message = parseBackgroundToPanel(raw);
    if (!message) return; // not a message of ours; nothing we can use
    attempt = 0; // the background answered: the next drop starts the backoff afresh
    setStatus('connected');
    if (message.type === 'state') {
      options.onState(message.state);
      return;
    }
    const entry = pending.get(message.requestId);
    if (!entry) return; // an ack for a request already settled (a re-send answered twice)
    pending.delete(message.requestId);
    clearTimeout(entry.timer);
    if (message.error === null) entry.resolve();
    else entry.reject(new Error(message.error));
  };

  const scheduleReconnect = () => {
    if (closed || retryTimer) return;
    setStatus('reconnecting');
    const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)] ?? 2000;
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      open();
    }, delay);
  };

  const open = () => {
    if (closed) return;
    let next: PortLike;
    try {
      next = runtime.connect({ name: HUB_PORT_NAME });
    } catch {
      // "Extension context invalidated" after a reload, or no worker yet: try again later.
      scheduleReconnect();
      return;
    }
    port = next;
    next.onMessage.addListener((raw) => {
      if (port === next) onMessage(raw);
    });
    next.onDisconnect.addListener(() => {
      if (port !== next) return;
      port = null;
      scheduleReconnect();
    });
    post({ type: 'subscribe', tabId });
    for (const entry of pending.values()) {
      if (post(entry.message)) armTimer(entry);
    }
  };

  setStatus('connecting');
  open();

  return {
    request(action) {
      if (closed) return Promise.reject(new HubClosedError());
      const message = { ...action, requestId: ulid() } as WithRequestId;
      return new Promise<void>((resolve, reject) => {
        const entry: Pending = { message, resolve, reject, timer: undefined };
        pending.set(message.requestId, entry);
        armTimer(entry);
        post(message); // when offline it goes out on the next connect
      });
    },
    setTabId(next) {
      // Always re-sent, even for the same tab: subscribing again is harmless and lets the
      // side panel refresh after the tab reloads.
      tabId = next;
      post({ type: 'subscribe', tabId });
    },
    close() {
      if (closed) return;
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      const current = port;
      port = null;
      try {
        current?.disconnect();
      } catch {
        // already gone
      }
      for (const entry of pending.values()) {
        clearTimeout(entry.timer);
        entry.reject(new HubClosedError());
      }
      pending.clear();
    },
  };
}
