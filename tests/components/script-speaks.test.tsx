// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelView } from '../../components/panel/PanelView';
import { ScriptWalkthrough } from '../../components/panel/ScriptWalkthrough';
import type { TouchDraft } from '../../lib/touches/touch';
import { makeContext, makeModel, makeScript, makeState } from './factories';

const CLIENT = 'amocrm:acme.amocrm.ru:lead:1001';
const text = (ru: string, en: string) => ({ ru, en });

function greetingModel(placeholders: Record<string, string>) {
  const script = makeScript();
  const intro = script.nodes['intro']!;
  script.nodes['intro'] = { ...intro, say: text('{contact_first}, добрый день! Это {manager_first}, компания «{our_company}».', '{contact_first}, good afternoon! This is {manager_first} from {our_company}.') };
  script.nodes['booked'] = { ...script.nodes['booked']!, outcome: 'meeting_booked' };
  return makeModel({ script, allScripts: [script], placeholders });
}

describe('the script speaks to this client', () => {
  beforeEach(() => sessionStorage.clear());

  it('fills the names it knows and highlights what it lacks', () => {
    render(<ScriptWalkthrough model={greetingModel({ contact_first: 'Андрей', manager_first: 'Ирина' })} clientKey={CLIENT} lang="ru" />);
    expect(screen.getByTestId('script-say').textContent).toBe('Андрей, добрый день! Это Ирина, компания «[ваша компания]».');
    const gap = screen.getByTestId('script-gap');
    expect(gap.tagName).toBe('MARK');
    expect(gap.textContent).toBe('[ваша компания]');
    expect(gap.title).toMatch(/своими словами/);
  });

  it('shows the English fallback in English', () => {
    render(<ScriptWalkthrough model={greetingModel({})} clientKey={CLIENT} lang="en" />);
    expect(screen.getAllByTestId('script-gap').map((m) => m.textContent)).toEqual(['[client’s name]', '[your name]', '[your company]']);
  });

  it('keeps the answers chosen and logs the outcome from them in one click', async () => {
    const user = userEvent.setup();
    const onLogTouch = vi.fn((_draft: TouchDraft) => Promise.resolve());
    render(
      <PanelView
        state={makeState({ model: greetingModel({ contact_first: 'Андрей' }) })}
        status="connected"
        mode="docked"
        onLogTouch={onLogTouch}
        onSettingsChange={() => Promise.resolve()}
        navigatorLanguage="ru-RU"
        now={Date.UTC(2026, 2, 10)}
      />,
    );
    expect(screen.queryByTestId('script-log-outcome')).toBeNull();
    await user.click(screen.getByRole('button', { name: /Интересно/ }));
    await user.click(screen.getByRole('button', { name: /Давайте/ }));
    expect(screen.getByTestId('script-trail').textContent).toBe('Ответы клиента: Интересно → Давайте');

    await user.click(screen.getByTestId('script-log-outcome'));
    expect(screen.getByTestId('touch-kind-call').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('touch-outcome-meeting_booked').getAttribute('aria-pressed')).toBe('true');
    const comment = screen.getByTestId('touch-comment') as HTMLTextAreaElement;
    expect(comment.value).toBe('Холодный звонок: Интересно → Давайте');
    await vi.waitFor(() => expect(document.activeElement).toBe(comment));

    await user.type(comment, '. Встреча во вторник');
    await user.click(screen.getByTestId('touch-save'));
    expect(onLogTouch).toHaveBeenCalledWith({
      kind: 'call',
      outcome: 'meeting_booked',
      comment: 'Холодный звонок: Интересно → Давайте. Встреча во вторник',
    });
  });

  it('leaves the outcome to the manager when the walk has not reached a goal', async () => {
    const user = userEvent.setup();
    render(
      <PanelView
        // Another client: the walk position is kept per client, and the previous test walked to the goal.
        state={makeState({ model: greetingModel({}), context: makeContext({ crmId: '2002' }) })}
        status="connected"
        mode="docked"
        onLogTouch={() => Promise.resolve()}
        onSettingsChange={() => Promise.resolve()}
        navigatorLanguage="en-US"
      />,
    );
    await user.click(screen.getByRole('button', { name: /Интересно/ }));
    await user.click(screen.getByTestId('script-log-outcome'));
    expect(screen.getByTestId('touch-save').hasAttribute('disabled')).toBe(true);
    expect((screen.getByTestId('touch-comment') as HTMLTextAreaElement).value).toBe('Холодный звонок: Интересно');
  });
});
