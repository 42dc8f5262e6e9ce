import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SYNC_ALARM, SYNC_DEBOUNCE_MS, SYNC_RETRY_ALARM, createSyncRunner, type AlarmsLike } from '../../../lib/sync/sync-runner';
import type { SyncEngine, SyncRunOptions, SyncRunResult } from '../../../lib/sync/sync-engine';

const IDLE: SyncRunResult = { state: 'idle', skipped: null, pushed: 0, rejected: 0, batches: [], isolated: 0, pulled: 0, segments: 0, failure: null, nextAttemptAt: null };

class FakeAlarms implements AlarmsLike {
  readonly alarms = new Map<string, { when?: number; periodInMinutes?: number }>();
  create(name: string, info: { when?: number; periodInMinutes?: number }): void {
    this.alarms.set(name, info);
  }
  async get(name: string): Promise<unknown> {
    return this.alarms.get(name);
  }
}

function fakeEngine(result: SyncRunResult = IDLE): SyncEngine & { runs: SyncRunOptions[] } {
  const runs: SyncRunOptions[] = [];
  return {
    runs,
    async runOnce(options = {}) {
      runs.push(options.force === undefined ? {} : { force: options.force });
      if (result.skipped === null) options.onStarted?.();
      return result;
    },
  };
}

describe('sync runner', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('makes one run for a burst of outbox writes, after the debounce', async () => {
    const engine = fakeEngine();
    const runner = createSyncRunner({ engine, alarms: new FakeAlarms() });
    for (let i = 0; i < 5; i += 1) {
      runner.soon();
      await vi.advanceTimersByTimeAsync(SYNC_DEBOUNCE_MS / 4);
    }
    expect(engine.runs).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(SYNC_DEBOUNCE_MS);
    expect(engine.runs).toEqual([{}]);
  });

  it('creates the periodic alarm once, syncs on start, and does not restart the period on a wake-up', async () => {
    const engine = fakeEngine();
    const alarms = new FakeAlarms();
    await createSyncRunner({ engine, alarms }).start();
    expect(alarms.alarms.get(SYNC_ALARM)).toEqual({ periodInMinutes: 1 });
    alarms.alarms.set(SYNC_ALARM, { periodInMinutes: 1, when: 123 });
    await createSyncRunner({ engine, alarms }).start();
    expect(alarms.alarms.get(SYNC_ALARM)).toEqual({ periodInMinutes: 1, when: 123 });
    expect(engine.runs).toHaveLength(2);
  });

  it('sets a one-shot alarm at the retry time after a failure, and runs when either alarm fires', async () => {
    const engine = fakeEngine({ ...IDLE, state: 'backoff', nextAttemptAt: 99_000, failure: { code: 'offline', message: 'x', retryable: true } });
    const alarms = new FakeAlarms();
    const runner = createSyncRunner({ engine, alarms });
    await runner.onAlarm(SYNC_ALARM);
    expect(alarms.alarms.get(SYNC_RETRY_ALARM)).toEqual({ when: 99_000 });
    await runner.onAlarm(SYNC_RETRY_ALARM);
    await runner.onAlarm('someone-else');
    expect(engine.runs).toEqual([{}, {}]);
  });

  it('tells the listener when a run starts and when it ends, and not for a run that was skipped', async () => {
    const heard: string[] = [];
    const listener = { syncChanged: () => heard.push('changed') };
    await createSyncRunner({ engine: fakeEngine(), alarms: null, listener }).now();
    expect(heard).toEqual(['changed', 'changed']);
    const waiting = fakeEngine({ ...IDLE, state: 'backoff', skipped: 'backoff', nextAttemptAt: 5_000 });
    await createSyncRunner({ engine: waiting, alarms: null, listener }).now();
    expect(heard).toHaveLength(2);
  });

  it('forces a run when the user asks', async () => {
    const engine = fakeEngine();
    await createSyncRunner({ engine, alarms: null }).now();
    expect(engine.runs).toEqual([{ force: true }]);
  });
});
