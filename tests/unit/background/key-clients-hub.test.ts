import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { clientKey } from '../../../lib/context/client-context';
import { importPlaybook } from '../../../lib/db/playbook-store';
import { storeSegments } from '../../../lib/db/segment-store';
import { PanelStateSchema } from '../../../lib/messaging/hub-messages';
import { FakePanelPort, NOW, TEST_PLAYBOOK, cardAtFirstStage, startHarness, waitForState, type Harness } from './test-harness';

const TAB = 4;
const DAY = 86_400_000;

/** The test playbook with the revenue split's class A as key: a touch every 15 days, a meeting every 90. */
const WITH_KEY = {
  ...TEST_PLAYBOOK,
  id: 'test-key',
  segments: [
    { id: 'revenue_a', name: { ru: 'Ключевой по выручке', en: 'Key by revenue' }, match: { by: 'pareto', classes: ['a'] }, norm: { touchEveryDays: 15, countingKinds: ['call', 'meeting'], meetingEveryDays: 90 } },
    ...TEST_PLAYBOOK.segments,
  ],
};

let h: Harness;
beforeEach(async () => {
  fakeBrowser.reset();
  h = await startHarness();
  const imported = await importPlaybook(h.deps.db, WITH_KEY, NOW);
  if (!imported.ok) throw new Error(imported.errors.join('\n'));
});
afterEach(async () => {
  await h.deps.db.delete();
});

/** The popup: a port without a tab, subscribing to no tab. */
function popup(): FakePanelPort {
  const port = new FakePanelPort();
  h.background.onConnect(port);
  port.send({ type: 'subscribe', tabId: null });
  return port;
}

describe('the key clients list served to the popup and side panel', () => {
  it('is empty before any client is key, and lists the client once the server ranks it A', async () => {
    const card = cardAtFirstStage({ crmId: '5005', name: 'ООО Трубы', url: 'https://acme.amocrm.ru/leads/detail/5005' });
    await h.publish(TAB, card);
    const port = popup();
    const empty = await waitForState(port, (s) => s.keyClients !== undefined);
    expect(empty.keyClients).toEqual({ rows: [], total: 0 });

    await storeSegments(h.deps.db, [
      { clientKey: clientKey(card), teamId: '1', class: 'a', pinned: false, computed: null, reason: { ru: 'A: 40 % выручки', en: 'A: 40 % of revenue' } },
    ]);
    const listed = await waitForState(port, (s) => (s.keyClients?.rows.length ?? 0) === 1);
    expect(PanelStateSchema.parse(listed).keyClients?.rows[0]).toMatchObject({
      clientKey: clientKey(card),
      name: 'ООО Трубы',
      url: 'https://acme.amocrm.ru/leads/detail/5005',
      segment: { id: 'revenue_a' },
      // No touch yet: the meeting is due now, not late.
      dueFor: 'meeting',
      nextDueAt: NOW,
      overdue: false,
    });
  });

  it('follows a touch logged from the client panel: a held meeting moves the next touch 15 days on', async () => {
    const card = cardAtFirstStage({ crmId: '6006' });
    await h.publish(TAB, card);
    await storeSegments(h.deps.db, [{ clientKey: clientKey(card), teamId: '1', class: 'a', pinned: false, computed: null, reason: { ru: 'A', en: 'A' } }]);
    const port = popup();
    await waitForState(port, (s) => s.keyClients?.rows[0]?.dueFor === 'meeting');

    const panel = new FakePanelPort({ tabId: TAB });
    h.background.onConnect(panel);
    panel.send({ type: 'subscribe', tabId: null });
    await waitForState(panel, (s) => s.context !== null);
    panel.send({ type: 'touch:log', requestId: '01JDKEYCLIENTS000000000001', draft: { kind: 'meeting', outcome: 'reached', comment: '' } });

    const moved = await waitForState(port, (s) => s.keyClients?.rows[0]?.dueFor === 'touch');
    expect(moved.keyClients?.rows[0]).toMatchObject({ lastTouchAt: NOW, nextDueAt: NOW + 15 * DAY, overdue: false, overdueDays: 0 });
  });
});
