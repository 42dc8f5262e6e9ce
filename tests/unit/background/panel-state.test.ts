import { describe, expect, it } from 'vitest';
import { buildPanelState, PANEL_TOUCH_LIMIT } from '../../../lib/background/panel-state';
import { PanelStateSchema } from '../../../lib/messaging/hub-messages';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { DEFAULT_SETTINGS } from '../../../lib/settings/settings';
import { SYNC_OFF } from '../../../lib/sync/sync-status';
import { makeContext, makeTouch } from '../playbook/fixtures';

const NOW = Date.UTC(2026, 10, 23, 12);
const DAY = 86_400_000;

describe('the state a panel receives for a long-standing client', () => {
  // 300 calls, one a day, newest first as the database returns them.
  const touches = Array.from({ length: 300 }, (_, i) =>
    makeTouch({ id: `01JTOUCH${String(i).padStart(18, '0')}`, kind: 'call', outcome: 'reached', at: NOW - (i + 1) * DAY }),
  );
  const state = buildPanelState({
    tabId: 7,
    client: { context: makeContext(), playbook: DEFAULT_PLAYBOOK, touches },
    settings: DEFAULT_SETTINGS,
    sync: SYNC_OFF,
    now: NOW,
  });

  it('carries only the latest touches, with the total', () => {
    expect(state.touches).toHaveLength(PANEL_TOUCH_LIMIT);
    expect(state.touches[0]?.at).toBe(NOW - DAY);
    expect(state.touchTotal).toBe(300);
    expect(PanelStateSchema.safeParse(state).success).toBe(true);
  });

  it('still applies the norms to the whole history, beyond what the panel lists', () => {
    // 299 notes (which count towards no norm), and one call, the oldest: past the cut.
    const notesThenCall = touches.map((t, i) => (i === touches.length - 1 ? t : { ...t, kind: 'note' as const, outcome: 'done' as const }));
    const withCall = buildPanelState({
      tabId: 7,
      client: { context: makeContext(), playbook: DEFAULT_PLAYBOOK, touches: notesThenCall },
      settings: DEFAULT_SETTINGS,
      sync: SYNC_OFF,
      now: NOW,
    });
    expect(withCall.touches.some((t) => t.kind === 'call')).toBe(false);
    expect(withCall.model?.cadence.lastTouchAt).toBe(NOW - 300 * DAY);
  });
});
