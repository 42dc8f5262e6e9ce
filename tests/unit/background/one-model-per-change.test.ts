import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import * as engine from '../../../lib/playbook/engine';
import { FakePanelPort, cardAtFirstStage, startHarness, waitForState, type Harness } from './test-harness';

// Count the engine's runs, keeping its behaviour.
vi.mock('../../../lib/playbook/engine', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/playbook/engine')>();
  return { ...real, evaluate: vi.fn(real.evaluate) };
});

const TAB = 11;
let h: Harness;
beforeEach(async () => {
  fakeBrowser.reset();
  h = await startHarness();
});
afterEach(async () => {
  await h.deps.db.delete();
});

describe('one computation per change', () => {
  it('runs the playbook engine once for a publish that renders the panel, records the compliance snapshot and answers the outline, and not again for a logged touch', async () => {
    const port = new FakePanelPort({ tabId: TAB });
    h.background.onConnect(port);
    port.send({ type: 'subscribe', tabId: null });
    const evaluate = vi.mocked(engine.evaluate);

    const context = cardAtFirstStage({ crmId: '4242' });
    await waitForState(port, (s) => s.context === null);
    evaluate.mockClear();
    const outline = await h.publish(TAB, context);
    await waitForState(port, (s) => s.context?.crmId === '4242' && s.model !== null);
    expect(outline).toMatchObject({ enabled: true });
    // The head's snapshot is read off the same model: the checklist's gaps, not a second run.
    expect(await h.deps.db.compliance.toArray()).toMatchObject([{ crmId: '4242', stageId: 'first', fields: expect.arrayContaining([{ id: 'source', filled: false }, { id: 'company', filled: true }]) }]);
    expect(evaluate).toHaveBeenCalledTimes(1);

    // Logging a touch takes its stage from that model; the touch is a new input, so the
    // panel's next state computes the model once more, and only once.
    evaluate.mockClear();
    port.send({ type: 'touch:log', requestId: '01JDONEMODEL0000000000000A', draft: { kind: 'call', outcome: 'reached', comment: 'ok' } });
    await vi.waitFor(() => expect(port.ack('01JDONEMODEL0000000000000A')?.error).toBeNull());
    await waitForState(port, (s) => s.touches.length === 1);
    expect(evaluate).toHaveBeenCalledTimes(1);
  });
});
