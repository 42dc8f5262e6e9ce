// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createResizeHandle } from '../../../lib/content/panel-resize';
import { PANEL_WIDTH_MAX, PANEL_WIDTH_MIN, clampPanelWidth, storedPanelWidth, withPanelWidth } from '../../../lib/settings/panel-width';

describe('the panel resize handle', () => {
  function handle() {
    const onInput = vi.fn();
    const onCommit = vi.fn();
    const h = createResizeHandle(document, 'Ширина панели', { onInput, onCommit });
    document.body.append(h.element);
    h.setWidth(360);
    return { h, onInput, onCommit };
  }
  const key = (el: HTMLElement, k: string, shiftKey = false) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true }));

  it('is a focusable separator that names itself and its value', () => {
    const { h } = handle();
    expect(h.element.getAttribute('role')).toBe('separator');
    expect(h.element.getAttribute('aria-label')).toBe('Ширина панели');
    expect(h.element.tabIndex).toBe(0);
    expect(h.element.getAttribute('aria-valuenow')).toBe('360');
  });

  it('arrow keys widen and narrow it, Home and End go to the ends, and the width is kept once the keys rest', () => {
    vi.useFakeTimers();
    const { h, onInput, onCommit } = handle();
    key(h.element, 'ArrowLeft');
    expect(onInput).toHaveBeenLastCalledWith(376);
    key(h.element, 'ArrowRight', true);
    expect(onInput).toHaveBeenLastCalledWith(312);
    key(h.element, 'Home');
    expect(onInput).toHaveBeenLastCalledWith(PANEL_WIDTH_MIN);
    key(h.element, 'End');
    expect(onInput).toHaveBeenLastCalledWith(PANEL_WIDTH_MAX);
    expect(onCommit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(onCommit).toHaveBeenCalledWith(PANEL_WIDTH_MAX);
    key(h.element, 'a');
    expect(onInput).toHaveBeenCalledTimes(4);
    vi.useRealTimers();
  });
});

describe('panel widths in the settings', () => {
  it('clamps to the range and falls back to the default for anything stored badly', () => {
    expect(clampPanelWidth(10)).toBe(PANEL_WIDTH_MIN);
    expect(clampPanelWidth(1e9)).toBe(PANEL_WIDTH_MAX);
    expect(clampPanelWidth(Number.NaN)).toBe(360);
    expect(storedPanelWidth({ panelWidths: { 'a.amocrm.ru': 500 } }, 'a.amocrm.ru')).toBe(500);
    expect(storedPanelWidth({ panelWidths: { 'a.amocrm.ru': '500' } }, 'a.amocrm.ru')).toBe(360);
    expect(storedPanelWidth({ panelWidths: {} }, 'constructor')).toBe(360);
    expect(storedPanelWidth(null, 'a.amocrm.ru')).toBe(360);
  });

  it('keeps one width per site, the newest last, and at most 100 sites', () => {
    let widths: Record<string, number> = {};
    for (let i = 0; i < 105; i += 1) widths = withPanelWidth(widths, `s${i}.amocrm.ru`, 300 + i);
    expect(Object.keys(widths)).toHaveLength(100);
    expect(widths['s0.amocrm.ru']).toBeUndefined();
    widths = withPanelWidth(widths, 's50.amocrm.ru', 9999);
    expect(Object.entries(widths).at(-1)).toEqual(['s50.amocrm.ru', PANEL_WIDTH_MAX]);
  });
});
