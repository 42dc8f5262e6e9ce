import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { USER_MESSAGES } from '../../../lib/background/user-messages';
import { FakePanelPort, cardAtFirstStage, startHarness, waitForState, type Harness } from './test-harness';

const TAB = 7;
const TOUCH_ID = '01JDBACKGROUNDTEST0007K3F9A';

let h: Harness;
beforeEach(async () => {
  fakeBrowser.reset();
  h = await startHarness();
});
afterEach(async () => {
  await h.deps.db.delete();
});

async function loggedTouch(): Promise<FakePanelPort> {
  await h.publish(TAB, cardAtFirstStage());
  const port = new FakePanelPort({ tabId: TAB });
  h.background.onConnect(port);
  port.send({ type: 'subscribe', tabId: null });
  await waitForState(port, (s) => s.context !== null);
  port.send({ type: 'touch:log', requestId: TOUCH_ID, draft: { kind: 'call', outcome: 'reached', comment: 'ждут КП «финал»' } });
  await waitForState(port, (s) => s.touches.length === 1);
  return port;
}

describe('"Add to CRM note"', () => {
  it('asks the tab’s content script to fill the CRM’s composer with the note and Sufler’s tag', async () => {
    const port = await loggedTouch();
    port.send({ type: 'touch:to-crm', requestId: 'r1', touchId: TOUCH_ID });
    await vi.waitFor(() => expect(port.ack('r1')).toBeDefined());
    expect(h.sentToTabs.at(-1)).toEqual({ tabId: TAB, message: { type: 'crm:note-fill', text: expect.stringMatching(/^Звонок · .+: ждут КП «финал» \[Sufler 007K3F9A\]$/) } });
    // The harness's tab answers nothing: there is no composer, and the panel is told so plainly.
    expect(port.ack('r1')?.error).toBe(USER_MESSAGES.noCrmComposer.ru);
  });

  it('refuses a touch that is not this tab’s client', async () => {
    const port = await loggedTouch();
    await h.publish(TAB, cardAtFirstStage({ crmId: '2002' }));
    port.send({ type: 'touch:to-crm', requestId: 'r2', touchId: TOUCH_ID });
    await vi.waitFor(() => expect(port.ack('r2')?.error).toBe(USER_MESSAGES.touchMissing.ru));
    expect(h.sentToTabs.filter((s) => (s.message as { type: string }).type === 'crm:note-fill')).toEqual([]);
  });
});
