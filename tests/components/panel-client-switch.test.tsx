// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PanelView, type PanelViewProps } from '../../components/panel/PanelView';
import { makeContext, makeState } from './factories';

const ROMASHKA = makeState();
const ZERNO = makeState({ context: makeContext({ crmId: '777', name: 'Сеть кофеен «Зерно»' }) });

function setup(onLogTouch: PanelViewProps['onLogTouch'] = vi.fn(() => Promise.resolve())) {
  const props: PanelViewProps = {
    state: ROMASHKA,
    status: 'connected',
    mode: 'docked',
    onLogTouch,
    onSettingsChange: vi.fn(() => Promise.resolve()),
    navigatorLanguage: 'ru-RU',
    now: Date.UTC(2026, 2, 10),
  };
  const view = render(<PanelView {...props} />);
  return { ...view, props };
}

describe('PanelView on a client change', () => {
  it('drops the saved banner, the objection search and a half-filled touch of the previous client', async () => {
    const user = userEvent.setup();
    const { rerender, props } = setup();

    await user.click(screen.getByTestId('touch-kind-note'));
    await user.click(screen.getByTestId('touch-save'));
    expect(await screen.findByTestId('touch-saved')).toBeTruthy();
    await user.type(screen.getByTestId('objection-search'), 'подумать');
    await user.click(screen.getByTestId('touch-kind-call'));
    await user.type(screen.getByTestId('touch-comment'), 'Перезвонить после обеда');

    rerender(<PanelView {...props} state={ZERNO} />);
    expect(screen.getByTestId('panel-client-name').textContent).toBe('Сеть кофеен «Зерно»');
    expect(screen.queryByTestId('touch-saved')).toBeNull();
    expect(screen.queryByTestId('touch-form')).toBeNull();
    expect((screen.getByTestId('objection-search') as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('touch-kind-call').getAttribute('aria-pressed')).toBe('false');
  });

  it('drops a save error of the previous client', async () => {
    const user = userEvent.setup();
    const { rerender, props } = setup(() => Promise.reject(new Error('диск переполнен')));
    await user.click(screen.getByTestId('touch-kind-note'));
    await user.click(screen.getByTestId('touch-save'));
    expect(await screen.findByTestId('touch-error')).toBeTruthy();
    rerender(<PanelView {...props} state={ZERNO} />);
    expect(screen.queryByTestId('touch-error')).toBeNull();
  });

  it('keeps everything while the same client is updated (a new touch, a field filled)', async () => {
    const user = userEvent.setup();
    const { rerender, props } = setup();
    await user.type(screen.getByTestId('objection-search'), 'дорого');
    rerender(<PanelView {...props} state={makeState({ context: makeContext({ budget: '300 000' }) })} />);
    expect((screen.getByTestId('objection-search') as HTMLInputElement).value).toBe('дорого');
  });
});
