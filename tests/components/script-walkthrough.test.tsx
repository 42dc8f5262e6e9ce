// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { ScriptWalkthrough } from '../../components/panel/ScriptWalkthrough';
import { memoryWalkStore, setWalkStore } from '../../lib/playbook/script-walk';
import { makeFollowUpScript, makeModel } from './factories';

const CLIENT = 'amocrm:acme.amocrm.ru:lead:1001';
const say = () => screen.getByTestId('script-say').textContent;
const answers = () => screen.queryAllByTestId('script-answer').map((b) => b.textContent);

describe('ScriptWalkthrough', () => {
  beforeEach(() => setWalkStore(memoryWalkStore()));

  it('walks from the start line through the client\'s answer to the goal', async () => {
    const user = userEvent.setup();
    render(<ScriptWalkthrough model={makeModel()} clientKey={CLIENT} lang="ru" />);
    expect(say()).toBe('Добрый день! Я из компании «Суфлёр».');
    expect(screen.getByTestId('script-hint').textContent).toContain('Говорите спокойно и коротко.');
    expect(answers()).toEqual(['1Интересно', '2Нет времени']);

    await user.click(screen.getByRole('button', { name: /Интересно/ }));
    expect(say()).toBe('Предлагаю встречу на 30 минут.');
    expect(screen.queryByTestId('script-goal')).toBeNull();

    await user.click(screen.getByRole('button', { name: /Давайте/ }));
    expect(say()).toBe('Отлично, отправлю приглашение.');
    expect(screen.getByTestId('script-goal').textContent).toContain('Цель разговора достигнута');
    expect(answers()).toEqual([]);
  });

  it('goes back one step and restarts from the beginning', async () => {
    const user = userEvent.setup();
    render(<ScriptWalkthrough model={makeModel()} clientKey={CLIENT} lang="en" />);
    expect(screen.getByTestId('script-back')).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: /Sounds interesting/ }));
    await user.click(screen.getByRole('button', { name: /Sure/ }));
    expect(say()).toBe('Great, I will send an invitation.');

    await user.click(screen.getByTestId('script-back'));
    expect(say()).toBe('May I suggest a 30-minute meeting?');
    await user.click(screen.getByTestId('script-restart'));
    expect(say()).toBe('Good afternoon! I am calling from Sufler.');
    expect(screen.getByTestId('script-restart')).toHaveProperty('disabled', true);
  });

  it('answers with digit keys, Backspace goes back and R restarts while the script has focus', async () => {
    const user = userEvent.setup();
    render(<ScriptWalkthrough model={makeModel()} clientKey={CLIENT} lang="en" />);
    screen.getAllByTestId('script-answer')[0]?.focus();

    await user.keyboard('2');
    expect(say()).toBe('When may I call you back?');
    await user.keyboard('{Backspace}');
    expect(say()).toBe('Good afternoon! I am calling from Sufler.');
    await user.keyboard('1');
    await user.keyboard('1');
    expect(say()).toBe('Great, I will send an invitation.');
    // A digit with no answer behind it changes nothing.
    await user.keyboard('7');
    expect(say()).toBe('Great, I will send an invitation.');
    await user.keyboard('r');
    expect(say()).toBe('Good afternoon! I am calling from Sufler.');
  });

  it('ignores the keys when focus is elsewhere on the page', async () => {
    const user = userEvent.setup();
    render(
      <>
        <textarea data-testid="elsewhere" />
        <ScriptWalkthrough model={makeModel()} clientKey={CLIENT} lang="en" />
      </>,
    );
    await user.click(screen.getByTestId('elsewhere'));
    await user.keyboard('1');
    expect(say()).toBe('Good afternoon! I am calling from Sufler.');
  });

  it('keeps the place per client and script across a reload', async () => {
    const user = userEvent.setup();
    const first = render(<ScriptWalkthrough model={makeModel()} clientKey={CLIENT} lang="en" />);
    await user.click(screen.getByRole('button', { name: /Sounds interesting/ }));
    first.unmount();

    render(<ScriptWalkthrough model={makeModel()} clientKey={CLIENT} lang="en" />);
    expect(say()).toBe('May I suggest a 30-minute meeting?');
    expect(screen.getByTestId('script-step').textContent).toBe('Step 2');
  });

  it('starts afresh for another client', async () => {
    const user = userEvent.setup();
    const first = render(<ScriptWalkthrough model={makeModel()} clientKey={CLIENT} lang="en" />);
    await user.click(screen.getByRole('button', { name: /Sounds interesting/ }));
    first.unmount();
    render(<ScriptWalkthrough model={makeModel()} clientKey="amocrm:acme.amocrm.ru:lead:2002" lang="en" />);
    expect(say()).toBe('Good afternoon! I am calling from Sufler.');
  });

  it('switches to another script from the select when its nodes were sent', async () => {
    const user = userEvent.setup();
    const model = makeModel({ allScripts: [makeFollowUpScript()] });
    render(<ScriptWalkthrough model={model} clientKey={CLIENT} lang="en" />);
    await user.selectOptions(screen.getByTestId('script-select'), 'follow-up');
    expect(say()).toBe('Have you had a chance to look at the proposal?');
  });

  it('offers a script without nodes only as a disabled choice', () => {
    render(<ScriptWalkthrough model={makeModel()} clientKey={CLIENT} lang="en" />);
    const option = screen.getByRole('option', { name: /Proposal follow-up/ });
    expect(option).toHaveProperty('disabled', true);
  });

  it('says so when the stage has no script', () => {
    render(<ScriptWalkthrough model={makeModel({ script: null, scripts: [] })} clientKey={CLIENT} lang="ru" />);
    expect(screen.getByTestId('script-none').textContent).toBe('В плейбуке нет скриптов');
  });
});
