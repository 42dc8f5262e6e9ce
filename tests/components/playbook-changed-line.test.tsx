// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PanelView } from '../../components/panel/PanelView';
import type { PlaybookNotice } from '../../lib/playbook/playbook-change';
import { makeState } from './factories';

const notice: PlaybookNotice = {
  version: 4,
  dismissed: false,
  change: { stagesAdded: [{ ru: 'Тендер', en: 'Tender' }], stagesRemoved: [{ ru: 'Рост', en: 'Growth' }], scriptsChanged: [], objectionsChanged: 2 },
};

describe('panel: the team playbook changed', () => {
  it('names the version and what changed, in the panel’s language, and can be dismissed by keyboard', async () => {
    const user = userEvent.setup();
    const onDismiss = vi.fn();
    render(<PanelView state={makeState({ playbookNotice: notice }, { lang: 'en' })} status="connected" mode="docked" onLogTouch={vi.fn()} onSettingsChange={vi.fn()} onDismissNotice={onDismiss} />);
    const line = screen.getByTestId('playbook-changed');
    expect(line.textContent).toBe('The team playbook changed: version 4. Stages added: Tender. Stages removed: Growth. 2 objections added or changed.Dismiss');
    screen.getByTestId('playbook-changed-dismiss').focus();
    await user.keyboard('{Enter}');
    expect(onDismiss).toHaveBeenCalledWith(4);
  });

  it('in Russian, with wording-only changes', () => {
    const quiet = { ...notice, change: { stagesAdded: [], stagesRemoved: [], scriptsChanged: [], objectionsChanged: 0 } };
    render(<PanelView state={makeState({ playbookNotice: quiet }, { lang: 'ru' })} status="connected" mode="docked" onLogTouch={vi.fn()} onSettingsChange={vi.fn()} onDismissNotice={vi.fn()} />);
    expect(screen.getByTestId('playbook-changed').textContent).toContain('Плейбук команды изменился: версия 4. Обновлены формулировки и нормы.');
  });

  it('is absent without a notice', () => {
    render(<PanelView state={makeState({}, { lang: 'en' })} status="connected" mode="docked" onLogTouch={vi.fn()} onSettingsChange={vi.fn()} onDismissNotice={vi.fn()} />);
    expect(screen.queryByTestId('playbook-changed')).toBeNull();
  });
});
