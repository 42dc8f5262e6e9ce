import { liveQuery } from 'dexie';
import { clientKey, type ClientContext } from '../context/client-context';
import {
  HUB_PORT_NAME,
  PanelToBackgroundSchema,
  type BackgroundToPanel,
  type PanelToBackground,
} from '../messaging/hub-messages';
import type { Settings } from '../settings/settings';
import { composeSyncStatus, readOutboxSummary, type OutboxSummary } from '../sync/read-sync-status';
import { readSyncConfig } from '../sync/sync-setup';
import type { SyncConfig } from '../sync/sync-config';
import { readSyncState, type SyncState } from '../sync/sync-state';
import { SYNC_OFF, type SyncStatus } from '../sync/sync-status';
import type { BackgroundDeps, HubPort } from './background-deps';
import { loadClientSnapshot, type ClientSnapshot } from './client-snapshot';
import { buildPanelState } from './panel-state';
import { keyClientsView } from '../cadence/key-clients';
import { loadKeyClients, NO_KEY_CLIENTS, type KeyClientsSnapshot } from './key-clients-snapshot';
import { tabModel } from './tab-models';
import { readAllWalks, walkOf, type StoredWalks } from './walk-storage';
import { readSettings } from './settings-storage';
import { getTabContext } from './tab-contexts';
import { markOnce, WORKER_MARKS } from './worker-marks';

interface SyncStored {
  config: SyncConfig | null;
  state: SyncState;
}

async function readSyncStored(deps: BackgroundDeps): Promise<SyncStored> {
  const [config, state] = await Promise.all([readSyncConfig(deps.local), readSyncState(deps.local)]);
  return { config, state };
}

/** A panel action, everything but subscribe; answered with null (done) or an error text. */
export type PanelActionMessage = Exclude<PanelToBackground, { type: 'subscribe' }>;
export type ActionHandler = (action: PanelActionMessage, tabId: number | null) => Promise<string | null>;

interface Subscription {
  port: HubPort;
  tabId: number | null;
  context: ClientContext | null;
  /** Set once a publish has told us the context, so a slower read from storage cannot undo it. */
  contextPushed: boolean;
  /** What the live query last delivered for context; null until it first answers. */
  snapshot: ClientSnapshot | null;
  live: { unsubscribe(): void } | null;
  /** Bumped when the live query is replaced, so a late answer for an old client is dropped. */
  liveGeneration: number;
  /** Bumped per render, so an older render finishing late never overwrites a newer one. */
  renderSeq: number;
}

/**
 * Keeps every connected panel up to date. Subscriptions live in memory on purpose: when
 * the worker is suspended the ports drop, and the panels reconnect and subscribe again.
 */
export class PanelHub {
  private readonly subscriptions = new Map<HubPort, Subscription>();
  private settings: Promise<Settings>;
  /** The stored sync config and engine state, re-read when storage says they changed. */
  private syncStored: Promise<SyncStored>;
  /** The outbox counts, kept current by a live query while any panel is connected. */
  private outbox: Promise<OutboxSummary> | null = null;
  private outboxLive: { unsubscribe(): void } | null = null;
  /** Script walk positions of every client, re-read when storage says they changed. */
  private walks: Promise<StoredWalks>;
  /** The key clients and their touches, kept current by a live query while any panel is connected. */
  private keyClients: Promise<KeyClientsSnapshot> | null = null;
  private keyClientsLive: { unsubscribe(): void } | null = null;

  constructor(
    private readonly deps: BackgroundDeps,
    private readonly handleAction: ActionHandler,
  ) {
    this.settings = readSettings(deps.local);
    this.syncStored = readSyncStored(deps);
    this.walks = readAllWalks(deps.local);
  }

  /** runtime.onConnect: take panel ports, leave any other port alone. */
  connect(port: HubPort): void {
    if (port.name !== HUB_PORT_NAME) return;
    port.onMessage.addListener((raw) => {
      const parsed = PanelToBackgroundSchema.safeParse(raw);
      if (!parsed.success) {
        console.warn('Sufler: ignored a malformed panel message', parsed.error.issues);
        return;
      }
      void this.receive(port, parsed.data);
    });
    port.onDisconnect.addListener(() => this.drop(port));
  }

  /** The client on a tab changed (context:publish, or the tab closed). */
  tabContextChanged(tabId: number, context: ClientContext | null): void {
    for (const sub of this.subscriptions.values()) {
      if (sub.tabId !== tabId) continue;
      const sameClient = sub.context !== null && context !== null && clientKey(sub.context) === clientKey(context);
      sub.context = context;
      sub.contextPushed = true;
      if (sameClient) void this.render(sub);
      else this.follow(sub);
    }
  }

  /** Settings changed in storage.local: every panel shows them. */
  settingsChanged(): void {
    this.settings = readSettings(this.deps.local);
    for (const sub of this.subscriptions.values()) void this.render(sub);
  }

  /** A script walk-through position changed: every panel shows its client's. */
  walksChanged(): void {
    this.walks = readAllWalks(this.deps.local);
    for (const sub of this.subscriptions.values()) void this.render(sub);
  }

  /** The sync config or the engine's state changed in storage.local: every panel shows it. */
  syncChanged(): void {
    this.syncStored = readSyncStored(this.deps);
    for (const sub of this.subscriptions.values()) void this.render(sub);
  }

  /** How many panels are connected; for tests and diagnostics. */
  get size(): number {
    return this.subscriptions.size;
  }

  private async receive(port: HubPort, message: PanelToBackground): Promise<void> {
    if (message.type === 'subscribe') {
      await this.subscribe(port, message.tabId ?? port.sender?.tab?.id ?? null);
      return;
    }
    const tabId = this.subscriptions.get(port)?.tabId ?? port.sender?.tab?.id ?? null;
    let error: string | null;
    try {
      error = await this.handleAction(message, tabId);
    } catch (thrown) {
      console.error('Sufler: panel action failed', thrown);
      error = thrown instanceof Error ? thrown.message : String(thrown);
    }
    this.post(port, { type: 'ack', requestId: message.requestId, error });
  }

  private async subscribe(port: HubPort, tabId: number | null): Promise<void> {
    // A panel that switches tabs subscribes again on the same port: replace, not add.
    this.drop(port);
    const sub: Subscription = { port, tabId, context: null, contextPushed: false, snapshot: null, live: null, liveGeneration: 0, renderSeq: 0 };
    this.subscriptions.set(port, sub);
    this.followOutbox();
    this.followKeyClients();
    const context = tabId === null ? null : await getTabContext(this.deps.session, tabId);
    // Resubscribed or gone meanwhile, or a publish already brought a newer context.
    if (this.subscriptions.get(port) !== sub || sub.contextPushed) return;
    sub.context = context;
    this.follow(sub);
  }

  /** (Re)start the live query for the subscription's client. */
  private follow(sub: Subscription): void {
    sub.live?.unsubscribe();
    sub.live = null;
    sub.snapshot = null;
    const generation = ++sub.liveGeneration;
    const context = sub.context;
    if (context === null) {
      void this.render(sub);
      return;
    }
    sub.live = liveQuery(() => loadClientSnapshot(this.deps.db, context)).subscribe({
      next: (snapshot) => {
        if (sub.liveGeneration !== generation) return;
        sub.snapshot = snapshot;
        void this.render(sub);
      },
      error: (error: unknown) => console.error('Sufler: live query for the panel failed', error),
    });
  }

  private async render(sub: Subscription): Promise<void> {
    const seq = ++sub.renderSeq;
    const settings = await this.settings;
    const sync = await this.currentSync();
    const walks = await this.walks.catch(() => ({}));
    const keyClients = await (this.keyClients ?? Promise.resolve(NO_KEY_CLIENTS)).catch(() => NO_KEY_CLIENTS);
    if (seq !== sub.renderSeq || this.subscriptions.get(sub.port) !== sub) return;
    const { context, snapshot } = sub;
    // With a client, wait for the live query's first answer rather than show no touches.
    if (context !== null && snapshot === null) return;
    try {
      const client = context !== null && snapshot !== null ? { context, ...snapshot } : null;
      const now = this.deps.now();
      const model = client ? tabModel(sub.tabId, client.context, client, now) : undefined;
      const state = buildPanelState({ tabId: sub.tabId, client, settings, sync, now, model });
      if (context !== null) state.walk = walkOf(walks, clientKey(context));
      state.keyClients = keyClientsView(keyClients.candidates, (key) => keyClients.touches.get(key) ?? [], now);
      this.post(sub.port, { type: 'state', state });
      if (client !== null) markOnce(WORKER_MARKS.firstClientState);
    } catch (error) {
      console.error('Sufler: could not build the panel state', error);
    }
  }

  private drop(port: HubPort): void {
    const sub = this.subscriptions.get(port);
    if (!sub) return;
    sub.live?.unsubscribe();
    sub.liveGeneration += 1;
    this.subscriptions.delete(port);
    if (this.subscriptions.size === 0) {
      // No panel to tell: stop following the outbox until one connects.
      this.outboxLive?.unsubscribe();
      this.outboxLive = null;
      this.outbox = null;
      this.keyClientsLive?.unsubscribe();
      this.keyClientsLive = null;
      this.keyClients = null;
    }
  }

  /** Follow the outbox counts (pending, rejected) while any panel is connected. */
  private followOutbox(): void {
    if (this.outboxLive !== null) return;
    let first = true;
    let resolveFirst: (summary: OutboxSummary) => void = () => undefined;
    this.outbox = new Promise((resolve) => (resolveFirst = resolve));
    this.outboxLive = liveQuery(() => readOutboxSummary(this.deps.db)).subscribe({
      next: (summary) => {
        if (first) {
          first = false;
          resolveFirst(summary);
          return;
        }
        this.outbox = Promise.resolve(summary);
        for (const s of this.subscriptions.values()) void this.render(s);
      },
      error: (error: unknown) => {
        console.error('Sufler: live query for the sync status failed', error);
        resolveFirst({ pending: 0, rejected: [], rejectedCount: 0 });
      },
    });
  }

  /** Follow the key clients (cards, touches, segments, playbook) while any panel is connected. */
  private followKeyClients(): void {
    if (this.keyClientsLive !== null) return;
    let first = true;
    let resolveFirst: (snapshot: KeyClientsSnapshot) => void = () => undefined;
    this.keyClients = new Promise((resolve) => (resolveFirst = resolve));
    this.keyClientsLive = liveQuery(() => loadKeyClients(this.deps.db)).subscribe({
      next: (snapshot) => {
        if (first) {
          first = false;
          resolveFirst(snapshot);
          return;
        }
        this.keyClients = Promise.resolve(snapshot);
        for (const s of this.subscriptions.values()) void this.render(s);
      },
      error: (error: unknown) => {
        console.error('Sufler: live query for the key clients failed', error);
        resolveFirst(NO_KEY_CLIENTS);
      },
    });
  }

  private async currentSync(): Promise<SyncStatus> {
    try {
      const [{ config, state }, outbox] = await Promise.all([this.syncStored, this.outbox ?? readOutboxSummary(this.deps.db)]);
      return composeSyncStatus(config, state, outbox);
    } catch (error) {
      console.error('Sufler: could not read the sync status', error);
      return SYNC_OFF;
    }
  }

  private post(port: HubPort, message: BackgroundToPanel): void {
    try {
      port.postMessage(message);
    } catch {
      // The panel went away between our check and the post; its disconnect cleans up.
    }
  }
}
