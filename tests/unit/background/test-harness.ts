import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { BackgroundDeps, HubPort, StorageAreaLike } from '../../../lib/background/background-deps';
import { createBackground, type Background } from '../../../lib/background/create-background';
import type { SyncTrigger } from '../../../lib/sync/sync-trigger';
import type { ClientContext } from '../../../lib/context/client-context';
import { importPlaybook } from '../../../lib/db/playbook-store';
import {
  BackgroundToPanelSchema,
  HUB_PORT_NAME,
  type BackgroundToContent,
  type BackgroundToPanel,
  type PanelState,
} from '../../../lib/messaging/hub-messages';
import { freshDatabase, sampleContext } from '../db/sample-records';

export const NOW = Date.UTC(2026, 10, 23, 10, 0, 0);

/**
 * A playbook made for these tests, so what they expect follows from it and not from the
 * bundled default: 'first' requires a lead source, the company and the client's need;
 * 'talks' adds the budget.
 */
export const TEST_PLAYBOOK = {
  version: 1,
  id: 'test',
  name: { ru: 'Тест', en: 'Test' },
  roles: [{ id: 'closer', name: { ru: 'Клоузер', en: 'Closer' }, description: { ru: 'Закрывает', en: 'Closes' } }],
  stages: [
    {
      id: 'first',
      name: { ru: 'Первый контакт', en: 'First contact' },
      goal: { ru: 'Выявить интерес', en: 'Find interest' },
      role: 'closer',
      crmNames: ['Первичный контакт'],
      requiredFields: ['source', 'company', 'need'],
    },
    {
      id: 'talks',
      name: { ru: 'Переговоры', en: 'Talks' },
      goal: { ru: 'Согласовать условия', en: 'Agree terms' },
      role: 'closer',
      crmNames: ['Переговоры'],
      requiredFields: ['budget'],
    },
  ],
  fields: [
    { id: 'source', label: { ru: 'Источник', en: 'Source' }, aliases: ['Источник'], source: 'field' },
    { id: 'company', label: { ru: 'Компания', en: 'Company' }, aliases: ['Компания'], source: 'company' },
    { id: 'need', label: { ru: 'Потребность', en: 'Need' }, aliases: ['Потребность'], source: 'field' },
    { id: 'budget', label: { ru: 'Бюджет', en: 'Budget' }, aliases: ['Бюджет'], source: 'budget' },
  ],
  scripts: [],
  objections: [],
  segments: [
    { id: 'all', name: { ru: 'Все', en: 'All' }, match: { by: 'default' }, norm: { touchEveryDays: 14, countingKinds: ['call', 'meeting'] } },
  ],
  activityNorms: [],
};

/** A card at the first stage: the source is empty on the page, the company is filled, no need field at all. */
export function cardAtFirstStage(overrides: Partial<ClientContext> = {}): ClientContext {
  return sampleContext({
    stage: 'Первичный контакт',
    company: null,
    budget: '',
    fields: [
      { key: 'cf:source', label: 'Источник', value: '' },
      { key: 'cf:company', label: 'Компания', value: 'ООО Трубы' },
      { key: 'budget', label: 'Бюджет', value: '' },
    ],
    ...overrides,
  });
}

/** The background's end of a panel port, with the panel's end driven by the test. */
export class FakePanelPort implements HubPort {
  readonly name: string;
  readonly sender: { tab?: { id?: number } } | undefined;
  /** Everything the background posted, each checked against the protocol. */
  readonly received: BackgroundToPanel[] = [];
  private readonly messageListeners: ((message: unknown) => void)[] = [];
  private readonly disconnectListeners: (() => void)[] = [];

  constructor(options: { tabId?: number; name?: string } = {}) {
    this.name = options.name ?? HUB_PORT_NAME;
    this.sender = options.tabId === undefined ? {} : { tab: { id: options.tabId } };
  }

  postMessage(message: unknown): void {
    this.received.push(BackgroundToPanelSchema.parse(structuredClone(message)));
  }
  onMessage = { addListener: (listener: (message: unknown) => void) => void this.messageListeners.push(listener) };
  onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.push(listener) };

  /** The panel sends a message. */
  send(message: unknown): void {
    for (const listener of this.messageListeners) listener(structuredClone(message));
  }
  /** The panel goes away. */
  disconnect(): void {
    for (const listener of this.disconnectListeners) listener();
  }

  states(): PanelState[] {
    return this.received.flatMap((m) => (m.type === 'state' ? [m.state] : []));
  }
  lastState(): PanelState | undefined {
    return this.states().at(-1);
  }
  ack(requestId: string): Extract<BackgroundToPanel, { type: 'ack' }> | undefined {
    return this.received.find((m): m is Extract<BackgroundToPanel, { type: 'ack' }> => m.type === 'ack' && m.requestId === requestId);
  }
}

/** A sync trigger that only counts what the background asked of it. */
export class RecordingSyncTrigger implements SyncTrigger {
  soonCalls = 0;
  nowCalls = 0;
  soon(): void {
    this.soonCalls += 1;
  }
  async now(): Promise<null> {
    this.nowCalls += 1;
    return null;
  }
}

export interface Harness {
  background: Background;
  /** What the background asked of sync (when the harness made the deps). */
  sync: RecordingSyncTrigger;
  deps: BackgroundDeps;
  /** What went to content scripts, by tab. */
  sentToTabs: { tabId: number; message: BackgroundToContent }[];
  /** A content script on tabId publishes its context; resolves to the outline answer. */
  publish(tabId: number, context: ClientContext | null): Promise<unknown>;
}

/**
 * A background over WXT's fake browser storage and a fresh database, with the test
 * playbook active. `deps` may be reused to start a second background: a worker that woke
 * up again, finding only what was stored.
 */
export async function startHarness(reuse?: BackgroundDeps): Promise<Harness> {
  const sentToTabs: Harness['sentToTabs'] = [];
  const syncCalls = new RecordingSyncTrigger();
  const deps: BackgroundDeps = reuse ?? {
    db: freshDatabase(),
    session: fakeBrowser.storage.session as unknown as StorageAreaLike,
    local: fakeBrowser.storage.local as unknown as StorageAreaLike,
    sync: syncCalls,
    async sendToTab(tabId, message) {
      sentToTabs.push({ tabId, message });
    },
    now: () => NOW,
    browserLanguage: () => 'ru-RU',
  };
  if (!reuse) {
    const imported = await importPlaybook(deps.db, TEST_PLAYBOOK, NOW);
    if (!imported.ok) throw new Error(`test playbook invalid:\n${imported.errors.join('\n')}`);
  }
  const background = createBackground(deps);
  fakeBrowser.storage.onChanged.addListener((changes, area) => background.onStorageChanged(changes, area));
  return {
    background,
    deps,
    sync: syncCalls,
    sentToTabs,
    publish: (tabId, context) =>
      background.onMessage({ type: 'context:publish', context }, { tab: { id: tabId } }) ?? Promise.resolve(undefined),
  };
}

/** Wait until the port has received a state that passes the check; returns it. */
export async function waitForState(port: FakePanelPort, check: (state: PanelState) => boolean): Promise<PanelState> {
  return vi.waitFor(() => {
    const state = port.states().findLast(check);
    if (!state) throw new Error(`no matching state among ${port.states().length}`);
    return state;
  });
}
