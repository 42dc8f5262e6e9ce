import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readOutbox } from '../../../lib/db/outbox';
import type { StorageAreaLike } from '../../../lib/background/background-deps';
import { SYNC_CONFIG_KEY } from '../../../lib/sync/sync-config';
import { readSyncConfig } from '../../../lib/sync/sync-setup';
import { INITIAL_SYNC_STATE, readSyncState, writeSyncState } from '../../../lib/sync/sync-state';
import { FakePanelPort, cardAtFirstStage, startHarness, waitForState, type Harness } from './test-harness';

const TAB = 7;
const TOKEN = 'sufler_a-token-of-enough-length-0001';
const local = () => fakeBrowser.storage.local as unknown as StorageAreaLike;

let h: Harness;
beforeEach(async () => {
  fakeBrowser.reset();
  h = await startHarness();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await h.deps.db.delete();
});

function dockedPanel(): FakePanelPort {
  const port = new FakePanelPort({ tabId: TAB });
  h.background.onConnect(port);
  port.send({ type: 'subscribe', tabId: null });
  return port;
}

async function ackOf(port: FakePanelPort, requestId: string): Promise<string | null> {
  return vi.waitFor(() => {
    const ack = port.ack(requestId);
    if (!ack) throw new Error('no ack yet');
    return ack.error;
  });
}

describe('sync in the panel state', () => {
  it('shows sync off with the outbox count, and follows new outbox rows', async () => {
    await h.publish(TAB, cardAtFirstStage());
    const port = dockedPanel();
    // The publish recorded the client and the card's compliance snapshot: two rows wait in the outbox.
    await waitForState(port, (s) => s.context !== null && s.sync.state === 'off' && s.sync.pending === 2);

    port.send({ type: 'touch:log', requestId: '01JDSYNCHUB000000000000001', draft: { kind: 'call', outcome: 'reached', comment: 'hello' } });
    await waitForState(port, (s) => s.sync.pending === 3);
  });

  it('re-sends the state when the sync runner reports a change', async () => {
    const port = dockedPanel();
    port.send({ type: 'sync:configure', requestId: 'cfg-1', serverUrl: 'https://sufler.example.com/', token: TOKEN });
    expect(await ackOf(port, 'cfg-1')).toBeNull();
    await waitForState(port, (s) => s.sync.state === 'idle' && s.sync.serverUrl === 'https://sufler.example.com');

    const state = await readSyncState(local());
    await writeSyncState(local(), { ...state, state: 'backoff', attempt: 1, nextAttemptAt: 5_000, lastError: { code: 'offline', message: 'down', at: 1 } });
    // The runner calls the hub once the engine has stored its state (no storage event bus).
    h.background.hub.syncChanged();
    await waitForState(port, (s) => s.sync.state === 'backoff' && s.sync.nextAttemptAt === 5_000 && s.sync.lastError?.code === 'offline');
  });
});

describe('sync actions', () => {
  it('configure stores the server with a device id kept across reconfigurations, and syncs at once', async () => {
    const port = dockedPanel();
    port.send({ type: 'sync:configure', requestId: 'cfg-1', serverUrl: 'https://a.example.com', token: TOKEN });
    expect(await ackOf(port, 'cfg-1')).toBeNull();
    const first = await readSyncConfig(local());
    expect(first).toMatchObject({ serverUrl: 'https://a.example.com', token: TOKEN });
    expect(first?.deviceId).toMatch(/^[0-9A-Z]{26}$/);
    expect(h.sync.nowCalls).toBe(1);

    // The same server keeps the cursor; another one starts over.
    await writeSyncState(local(), { ...INITIAL_SYNC_STATE, cursor: '42', cursorServer: 'https://a.example.com' });
    port.send({ type: 'sync:configure', requestId: 'cfg-2', serverUrl: 'https://a.example.com', token: `${TOKEN}x` });
    await ackOf(port, 'cfg-2');
    expect((await readSyncState(local())).cursor).toBe('42');
    port.send({ type: 'sync:configure', requestId: 'cfg-3', serverUrl: 'https://b.example.com', token: TOKEN });
    await ackOf(port, 'cfg-3');
    expect((await readSyncState(local())).cursor).toBe('');
    expect((await readSyncConfig(local()))?.deviceId).toBe(first?.deviceId);
  });

  it('refuses a config that does not parse, in the user language, and stores nothing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const port = dockedPanel();
    port.send({ type: 'sync:configure', requestId: 'cfg-bad', serverUrl: 'ftp://files', token: 'short' });
    expect(await ackOf(port, 'cfg-bad')).toContain('синхронизация не настроена');
    expect((await fakeBrowser.storage.local.get(SYNC_CONFIG_KEY))[SYNC_CONFIG_KEY]).toBeUndefined();
    expect(h.sync.nowCalls).toBe(0);
  });

  it('disconnect forgets the server and keeps every outbox row', async () => {
    await h.publish(TAB, cardAtFirstStage());
    const port = dockedPanel();
    port.send({ type: 'sync:configure', requestId: 'cfg-1', serverUrl: 'https://a.example.com', token: TOKEN });
    await ackOf(port, 'cfg-1');
    port.send({ type: 'sync:disconnect', requestId: 'off-1' });
    expect(await ackOf(port, 'off-1')).toBeNull();
    expect(await readSyncConfig(local())).toBeNull();
    expect((await readOutbox(h.deps.db)).map((row) => row.entity)).toEqual(['client', 'compliance']);
    await waitForState(port, (s) => s.sync.state === 'off' && s.sync.pending === 2);
  });

  it('sync:now asks for a run; a logged touch and a new client ask for one soon', async () => {
    const port = dockedPanel();
    port.send({ type: 'sync:now', requestId: 'now-1' });
    expect(await ackOf(port, 'now-1')).toBeNull();
    expect(h.sync.nowCalls).toBe(1);

    await h.publish(TAB, cardAtFirstStage());
    expect(h.sync.soonCalls).toBe(1);
    // The same card again changes nothing, so nothing new waits to be sent.
    await h.publish(TAB, cardAtFirstStage());
    expect(h.sync.soonCalls).toBe(1);
    port.send({ type: 'touch:log', requestId: '01JDSYNCHUB000000000000002', draft: { kind: 'note', outcome: 'done', comment: '' } });
    await vi.waitFor(() => expect(h.sync.soonCalls).toBe(2));
  });
});
