import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  connectHub,
  HubRequestTimeoutError,
  type PortLike,
  type RuntimeLike,
} from '../../../lib/messaging/hub-port';
import { HUB_PORT_NAME, PanelToBackgroundSchema, type PanelState } from '../../../lib/messaging/hub-messages';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { SYNC_OFF } from '../../../lib/sync/sync-status';

/** The background's end of one port: what the panel posted, and levers to answer or drop. */
class FakeBackgroundEnd {
  readonly received: unknown[] = [];
  private messageListeners: Array<(m: unknown) => void> = [];
  private disconnectListeners: Array<() => void> = [];
  alive = true;

  readonly panelSide: PortLike = {
    postMessage: (m) => {
      if (!this.alive) throw new Error('Attempting to use a disconnected port object');
      this.received.push(structuredClone(m));
    },
    disconnect: () => {
      this.alive = false;
    },
    onMessage: { addListener: (l) => void this.messageListeners.push(l) },
    onDisconnect: { addListener: (l) => void this.disconnectListeners.push(l) },
  };

  send(message: unknown) {
    for (const l of this.messageListeners) l(message);
  }

  /** The service worker went away. */
  drop() {
    this.alive = false;
    for (const l of this.disconnectListeners) l();
  }

  parsed() {
    return this.received.map((m) => PanelToBackgroundSchema.parse(m));
  }
}

class FakeRuntime implements RuntimeLike {
  readonly ports: FakeBackgroundEnd[] = [];
  names: string[] = [];
  failNext = 0;
  connect(info: { name: string }): PortLike {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('Could not establish connection');
    }
    this.names.push(info.name);
    const end = new FakeBackgroundEnd();
    this.ports.push(end);
    return end.panelSide;
  }
  get last(): FakeBackgroundEnd {
    const end = this.ports.at(-1);
    if (!end) throw new Error('no port was opened');
    return end;
  }
}

function state(tabId: number | null): PanelState {
  return { tabId, context: null, model: null, touches: [], touchTotal: 0, settings: DEFAULT_SETTINGS, sync: SYNC_OFF };
}

const draft = { kind: 'call', outcome: 'reached', comment: 'asked for a quote' } as const;

describe('connectHub', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens the named port and subscribes for its tab', () => {
    const runtime = new FakeRuntime();
    connectHub({ tabId: 7, onState: () => undefined, runtime });
    expect(runtime.names).toEqual([HUB_PORT_NAME]);
    expect(runtime.last.parsed()).toEqual([{ type: 'subscribe', tabId: 7 }]);
  });

  it('passes valid state to onState and ignores garbage', () => {
    const runtime = new FakeRuntime();
    const onState = vi.fn();
    const onStatus = vi.fn();
    connectHub({ tabId: null, onState, onStatus, runtime });
    runtime.last.send({ type: 'state', state: { tabId: 'x' } });
    runtime.last.send('hello');
    runtime.last.send(null);
    // A state without the sync status (a background of another version) is not shown half-read.
    const { sync: _sync, ...withoutSync } = state(3);
    runtime.last.send({ type: 'state', state: withoutSync });
    expect(onState).not.toHaveBeenCalled();
    runtime.last.send({ type: 'state', state: state(3) });
    expect(onState).toHaveBeenCalledTimes(1);
    expect(onState.mock.calls[0]?.[0]).toMatchObject({ tabId: 3, sync: { state: 'off', pending: 0 } });
    expect(onStatus.mock.calls.map((c) => c[0])).toEqual(['connecting', 'connected']);
  });

  it('resolves a request on a clean ack and rejects with the ack error text', async () => {
    const runtime = new FakeRuntime();
    const panel = connectHub({ tabId: null, onState: () => undefined, runtime });
    const ok = panel.request({ type: 'touch:log', draft });
    const bad = panel.request({ type: 'playbook:reset' });
    const [, first, second] = runtime.last.parsed();
    if (first?.type !== 'touch:log' || second?.type !== 'playbook:reset') throw new Error('not sent');
    expect(first.draft).toEqual(draft);
    expect(first.requestId).not.toEqual(second.requestId);

    runtime.last.send({ type: 'ack', requestId: second.requestId, error: 'stages[0].name.ru: required' });
    runtime.last.send({ type: 'ack', requestId: first.requestId, error: null });
    await expect(ok).resolves.toBeUndefined();
    await expect(bad).rejects.toThrow('stages[0].name.ru: required');
  });

  it('reconnects after the worker drops, resubscribes and re-sends unacked requests with the same id', async () => {
    const runtime = new FakeRuntime();
    const onStatus = vi.fn();
    const panel = connectHub({ tabId: 4, onState: () => undefined, onStatus, runtime });
    const acked = panel.request({ type: 'settings:set', patch: { lang: 'en' } });
    const unacked = panel.request({ type: 'touch:log', draft });
    const firstPort = runtime.last;
    const [, setMsg, logMsg] = firstPort.parsed();
    if (setMsg?.type !== 'settings:set' || logMsg?.type !== 'touch:log') throw new Error('not sent');
    firstPort.send({ type: 'ack', requestId: setMsg.requestId, error: null });
    await acked;

    firstPort.drop();
    expect(onStatus).toHaveBeenLastCalledWith('reconnecting');
    expect(runtime.ports).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(runtime.ports).toHaveLength(2);

    const resent = runtime.last.parsed();
    expect(resent).toEqual([{ type: 'subscribe', tabId: 4 }, logMsg]);
    runtime.last.send({ type: 'ack', requestId: logMsg.requestId, error: null });
    await expect(unacked).resolves.toBeUndefined();
  });

  it('keeps retrying while connect itself throws, then delivers', async () => {
    const runtime = new FakeRuntime();
    const panel = connectHub({ tabId: null, onState: () => undefined, runtime });
    runtime.failNext = 3;
    runtime.last.drop();
    const pending = panel.request({ type: 'playbook:reset' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(runtime.ports).toHaveLength(2);
    const sent = runtime.last.parsed().find((m) => m.type === 'playbook:reset');
    if (sent?.type !== 'playbook:reset') throw new Error('request was not re-sent');
    runtime.last.send({ type: 'ack', requestId: sent.requestId, error: null });
    await expect(pending).resolves.toBeUndefined();
  });

  it('fails a request with a timeout error when no connection comes back', async () => {
    const runtime = new FakeRuntime();
    const panel = connectHub({ tabId: null, onState: () => undefined, runtime });
    runtime.failNext = 1000;
    runtime.last.drop();
    const pending = panel.request({ type: 'touch:log', draft });
    const settled = pending.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(await Promise.race([settled, Promise.resolve('still waiting')])).toBe('still waiting');
    await vi.advanceTimersByTimeAsync(1_500);
    const error = await settled;
    expect(error).toBeInstanceOf(HubRequestTimeoutError);
    expect((error as Error).message).toMatch(/No answer/);
  });

  it('resubscribes on setTabId and stops on close', async () => {
    const runtime = new FakeRuntime();
    const panel = connectHub({ tabId: 1, onState: () => undefined, runtime });
    panel.setTabId(2);
    expect(runtime.last.parsed().at(-1)).toEqual({ type: 'subscribe', tabId: 2 });
    const pending = panel.request({ type: 'playbook:reset' });
    panel.close();
    await expect(pending).rejects.toThrow(/closed/);
    expect(runtime.last.alive).toBe(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(runtime.ports).toHaveLength(1);
  });
});
