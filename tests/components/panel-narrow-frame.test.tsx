// @vitest-environment happy-dom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelView } from '../../components/panel/PanelView';
import { DOCK_EXPAND_MESSAGE } from '../../lib/messaging/dock-messages';
import { makeState } from './factories';

const setWidth = (width: number) => {
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: width });
  window.dispatchEvent(new Event('resize'));
};

afterEach(() => {
  setWidth(1024);
  vi.restoreAllMocks();
});

describe('the docked panel in a window too narrow for it', () => {
  it('shows the tab while the CRM tab folds its frame, and asks the tab to open it over the page', () => {
    const post = vi.spyOn(window.parent, 'postMessage').mockImplementation(() => {});
    const onSettingsChange = vi.fn(() => Promise.resolve());
    setWidth(44);
    render(<PanelView state={makeState()} status="connected" mode="docked" onLogTouch={vi.fn()} onSettingsChange={onSettingsChange} navigatorLanguage="ru" />);
    expect(screen.getByTestId('panel').dataset.state).toBe('collapsed');
    fireEvent.click(screen.getByTestId('panel-expand'));
    expect(post).toHaveBeenCalledWith({ type: DOCK_EXPAND_MESSAGE }, '*');
    // The manager's own setting is not touched: it was never folded by hand.
    expect(onSettingsChange).not.toHaveBeenCalled();
    // The frame widens: the full panel.
    act(() => setWidth(360));
    expect(screen.getByTestId('panel').dataset.state).toBe('ready');
  });

  it('the side panel ignores its width', () => {
    setWidth(44);
    render(<PanelView state={makeState()} status="connected" mode="side" onLogTouch={vi.fn()} onSettingsChange={vi.fn()} navigatorLanguage="ru" />);
    expect(screen.getByTestId('panel').dataset.state).toBe('ready');
  });
});
