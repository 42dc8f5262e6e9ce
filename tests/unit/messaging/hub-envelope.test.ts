import { describe, expect, it } from 'vitest';
import { parseBackgroundToPanel } from '../../../lib/messaging/hub-envelope';

const settings = { lang: null, outline: true, panelCollapsed: false };
const state = { tabId: 3, context: null, model: null, touches: [], touchTotal: 0, settings, sync: { state: 'off' } };

describe('the panel checks what the background posts, without zod', () => {
  it('takes a state and an ack', () => {
    expect(parseBackgroundToPanel({ type: 'state', state })).toEqual({ type: 'state', state });
    expect(parseBackgroundToPanel({ type: 'ack', requestId: 'r1', error: null })).toEqual({ type: 'ack', requestId: 'r1', error: null });
    expect(parseBackgroundToPanel({ type: 'ack', requestId: 'r1', error: 'no\u0000pe \ud800' })?.type).toBe('ack');
  });

  it.each([
    [null],
    ['state'],
    [[{ type: 'state', state }]],
    [{ type: 'state' }],
    [{ type: 'state', state: { ...state, settings: null } }],
    [{ type: 'state', state: { ...state, touches: 'none' } }],
    [{ type: 'state', state: { ...state, context: { name: 'x' } } }],
    [{ type: 'state', state: { ...state, model: { stage: {} } } }],
    [{ type: 'ack', requestId: 7, error: null }],
    [{ type: 'ack', requestId: 'r', error: 42 }],
    [{ type: 'eval', code: 'x' }],
  ])('refuses %j', (raw) => {
    expect(parseBackgroundToPanel(raw)).toBeNull();
  });
});
