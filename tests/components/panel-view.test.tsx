// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PanelView, type PanelViewProps } from '../../components/panel/PanelView';
import type { SettingsPatch } from '../../lib/settings/settings';
import { makeModel, makeState } from './factories';

function setup(overrides: Partial<PanelViewProps> = {}) {
  const onSettingsChange = vi.fn((_patch: SettingsPatch) => Promise.resolve());
  const onLogTouch = vi.fn(() => Promise.resolve());
  const props: PanelViewProps = {
    state: makeState(),
    status: 'connected',
    mode: 'docked',
    onLogTouch,
    onSettingsChange,
    navigatorLanguage: 'ru-RU',
    now: Date.UTC(2026, 2, 10),
    ...overrides,
  };
  const view = render(<PanelView {...props} />);
  return { ...view, props, onSettingsChange, onLogTouch };
}

describe('PanelView', () => {
  it('shows a connecting state until the first state arrives', () => {
    setup({ state: null, status: 'connecting', navigatorLanguage: 'en-US' });
    expect(screen.getByTestId('panel-connecting').textContent).toBe('Connecting to the extension…');
  });

  it('asks to open a deal card when the tab has no client', () => {
    setup({ state: makeState({ context: null, model: null }) });
    expect(screen.getByTestId('panel-no-client').textContent).toContain('Откройте карточку сделки в CRM');
    expect(screen.queryByTestId('panel-client-name')).toBeNull();
  });

  it('shows the client and every section when ready', () => {
    setup();
    expect(screen.getByTestId('panel-client-name').textContent).toBe('ООО «Ромашка» — поставка');
    for (const id of ['stage', 'cadence', 'checklist', 'script', 'objections', 'touch-logger', 'touch-history']) {
      expect(screen.getByTestId(id), id).toBeTruthy();
    }
  });

  it('orders the sections by what a call needs: stage, script, objections, logger, then the bookkeeping', () => {
    setup();
    const order = Array.from(document.querySelectorAll('.sf-sections > [data-testid]')).map((el) => el.getAttribute('data-testid'));
    expect(order).toEqual(['stage', 'cadence', 'script', 'objections', 'touch-logger', 'checklist', 'touch-history']);
  });

  it('switches language when settings.lang changes', () => {
    const { rerender, props } = setup();
    expect(screen.getByTestId('stage-name').textContent).toBe('Переговоры');
    expect(screen.getByTestId('touch-kind-call').textContent).toContain('Звонок');

    rerender(<PanelView {...props} state={makeState({}, { lang: 'en' })} />);
    expect(screen.getByTestId('stage-name').textContent).toBe('Negotiation');
    expect(screen.getByTestId('touch-kind-call').textContent).toContain('Call');
    expect(screen.getByTestId('checklist-count').textContent).toBe('3 of 6');
    expect(document.documentElement.lang).toBe('en');
  });

  it('follows the browser language when no language is set', () => {
    setup({ state: makeState({}, { lang: null }), navigatorLanguage: 'en-GB' });
    expect(screen.getByTestId('stage-name').textContent).toBe('Negotiation');
  });

  it('sends the language, outline and collapse choices as settings patches', async () => {
    const user = userEvent.setup();
    const { onSettingsChange } = setup();
    await user.click(screen.getByTestId('lang-en'));
    await user.click(screen.getByTestId('outline-toggle'));
    await user.click(screen.getByTestId('panel-collapse'));
    expect(onSettingsChange.mock.calls.map((c) => c[0])).toEqual([{ lang: 'en' }, { outline: false }, { panelCollapsed: true }]);
  });

  it('shows only the expand tab when the docked panel is collapsed', async () => {
    const user = userEvent.setup();
    const { onSettingsChange } = setup({ state: makeState({}, { panelCollapsed: true }) });
    expect(screen.getByTestId('panel-expand')).toBeTruthy();
    for (const id of ['panel-client-name', 'stage', 'checklist', 'script', 'touch-logger', 'panel-collapse']) {
      expect(screen.queryByTestId(id), id).toBeNull();
    }
    // The badge still says how many required fields are empty.
    expect(screen.getByTestId('panel-expand').textContent).toContain('3');
    await user.click(screen.getByTestId('panel-expand'));
    expect(onSettingsChange).toHaveBeenCalledWith({ panelCollapsed: false });
  });

  it('ignores the collapsed setting in the side panel, which has no collapse button', () => {
    setup({ mode: 'side', state: makeState({}, { panelCollapsed: true }) });
    expect(screen.queryByTestId('panel-expand')).toBeNull();
    expect(screen.queryByTestId('panel-collapse')).toBeNull();
    expect(screen.getByTestId('stage-name')).toBeTruthy();
  });

  it('marks an overdue client in days', () => {
    const model = makeModel();
    const state = makeState({ model: { ...model, cadence: { ...model.cadence, overdue: true, overdueDays: 5 } } });
    setup({ state });
    expect(screen.getByTestId('cadence-overdue').textContent).toBe('Просрочено на 5 дней');
    expect(screen.getByTestId('cadence').className).toContain('is-overdue');
  });

  it('shows a banner while reconnecting, keeping the last state', () => {
    setup({ status: 'reconnecting' });
    expect(screen.getByTestId('panel-reconnecting')).toBeTruthy();
    expect(screen.getByTestId('stage-name')).toBeTruthy();
  });

  it('shows a failed settings change', async () => {
    const user = userEvent.setup();
    setup({ onSettingsChange: () => Promise.reject(new Error('storage is full')) });
    await user.click(screen.getByTestId('outline-toggle'));
    expect((await screen.findByRole('alert')).textContent).toBe('storage is full');
  });
});
