import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { clientKey } from '../../../lib/context/client-context';
import { FakePanelPort, cardAtFirstStage, startHarness, waitForState, type Harness } from './test-harness';

const TAB = 5;
let h: Harness;
beforeEach(async () => {
  fakeBrowser.reset();
  h = await startHarness();
});
afterEach(async () => {
  await h.deps.db.delete();
});

function panel(subscribeTo: number | null, portTab?: number): FakePanelPort {
  const port = new FakePanelPort(portTab === undefined ? {} : { tabId: portTab });
  h.background.onConnect(port);
  port.send({ type: 'subscribe', tabId: subscribeTo });
  return port;
}

describe('script walk-through position, held by the background', () => {
  it('is shared by the docked and the side panel, kept per client, and survives a worker restart', async () => {
    const vector = cardAtFirstStage({ crmId: '18230417', name: 'Вектор' });
    const zerno = cardAtFirstStage({ crmId: '18230422', name: 'Зерно' });
    await h.publish(TAB, vector);
    const docked = panel(null, TAB);
    const side = panel(TAB);
    await waitForState(docked, (s) => s.context?.crmId === '18230417');
    const key = `sufler:walk:${clientKey(vector)}:cold-call`;

    docked.send({ type: 'walk:set', requestId: 'w1', clientKey: clientKey(vector), key, value: ['start', 'interested'] });
    await vi.waitFor(() => expect(docked.ack('w1')?.error).toBeNull());
    // Both panels of the tab receive it.
    await waitForState(side, (s) => JSON.stringify(s.walk?.[key]) === '["start","interested"]');
    await waitForState(docked, (s) => JSON.stringify(s.walk?.[key]) === '["start","interested"]');

    // Another client on the tab: its own (empty) positions, nothing carried over.
    await h.publish(TAB, zerno);
    const zernoState = await waitForState(docked, (s) => s.context?.crmId === '18230422');
    expect(zernoState.walk).toEqual({});

    // Back to the first client, after the worker restarted: the place is kept.
    const restarted = await startHarness(h.deps);
    await restarted.publish(TAB, vector);
    const again = new FakePanelPort({ tabId: TAB });
    restarted.background.onConnect(again);
    again.send({ type: 'subscribe', tabId: null });
    await waitForState(again, (s) => s.context?.crmId === '18230417' && JSON.stringify(s.walk?.[key]) === '["start","interested"]');
  });

  it('refuses a malformed or oversized position', async () => {
    await h.publish(TAB, cardAtFirstStage());
    const docked = panel(null, TAB);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    docked.send({ type: 'walk:set', requestId: 'bad1', clientKey: 'c', key: 'k', value: { evil: true } });
    docked.send({ type: 'walk:set', requestId: 'bad2', clientKey: 'c', key: 'k', value: Array.from({ length: 1000 }, () => 'x') });
    docked.send({ type: 'walk:set', requestId: 'bad3', clientKey: 'c', key: 'k', value: 'x'.repeat(1_000_000) });
    await new Promise((r) => setTimeout(r, 50));
    expect(docked.ack('bad1')).toBeUndefined();
    expect(docked.ack('bad2')).toBeUndefined();
    expect(docked.ack('bad3')).toBeUndefined();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
