import { describe, expect, it } from 'vitest';
import { isPanelCollapsed, parseBackgroundToContent, parseOutline } from '../../../lib/messaging/content-messages';

describe('messages the content script accepts', () => {
  it('takes an outline with its keys', () => {
    expect(parseOutline({ enabled: true, keys: ['cf:1', 'budget'] })).toEqual({ enabled: true, keys: ['cf:1', 'budget'] });
  });

  it.each([
    [undefined],
    [{ enabled: 'yes', keys: [] }],
    [{ enabled: true }],
    [{ enabled: true, keys: ['a', 1] }],
    [{ enabled: true, keys: 'cf:1' }],
  ])('refuses a malformed outline %j', (value) => {
    expect(parseOutline(value)).toBeNull();
  });

  it('takes outline updates, nothing else', () => {
    // The collapse shortcut is the background's to carry out: no command reaches the page.
    expect(parseBackgroundToContent({ type: 'panel:toggle' })).toBeNull();
    expect(parseBackgroundToContent({ type: 'outline:set', outline: { enabled: false, keys: [] } })).toEqual({
      type: 'outline:set',
      outline: { enabled: false, keys: [] },
    });
    expect(parseBackgroundToContent({ type: 'outline:set', outline: { enabled: 1 } })).toBeNull();
    expect(parseBackgroundToContent({ type: 'eval', code: 'x' })).toBeNull();
    expect(parseBackgroundToContent('panel:toggle')).toBeNull();
  });

  it('reads the collapsed flag only when it is really true', () => {
    expect(isPanelCollapsed({ panelCollapsed: true })).toBe(true);
    expect(isPanelCollapsed({ panelCollapsed: 'true' })).toBe(false);
    expect(isPanelCollapsed(undefined)).toBe(false);
  });
});
