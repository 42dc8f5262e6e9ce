// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ObjectionList } from '../../components/panel/ObjectionList';
import { makeObjections } from './factories';

const shownIds = () => screen.queryAllByTestId('objection-item').map((li) => li.dataset.objectionId);

describe('ObjectionList', () => {
  it('filters by the phrase in Russian, ignoring case', async () => {
    const user = userEvent.setup();
    render(<ObjectionList objections={makeObjections()} lang="ru" />);
    expect(shownIds()).toEqual(['expensive', 'supplier', 'email']);
    await user.type(screen.getByTestId('objection-search'), 'ДОРОГ');
    expect(shownIds()).toEqual(['expensive']);
  });

  it('finds an objection by the text of its answer, ё typed as е', async () => {
    const user = userEvent.setup();
    render(<ObjectionList objections={makeObjections()} lang="ru" />);
    await user.type(screen.getByTestId('objection-search'), 'емкость');
    expect(shownIds()).toEqual(['supplier']);
  });

  it('searches the English text when the panel is in English', async () => {
    const user = userEvent.setup();
    render(<ObjectionList objections={makeObjections()} lang="en" />);
    await user.type(screen.getByTestId('objection-search'), 'dearer');
    expect(shownIds()).toEqual([]);
    expect(screen.getByRole('status').textContent).toContain('Nothing found for “dearer”');
    await user.clear(screen.getByTestId('objection-search'));
    await user.type(screen.getByTestId('objection-search'), 'suppliers');
    expect(shownIds()).toEqual(['supplier']);
  });

  it('finds word forms and playbook synonyms, over every stage, and opens a single hit by itself', async () => {
    const user = userEvent.setup();
    render(<ObjectionList objections={makeObjections()} lang="ru" />);
    // The "think" objection belongs to another stage: not listed until searched for.
    expect(shownIds()).not.toContain('think');
    await user.type(screen.getByTestId('objection-search'), 'подумать');
    expect(shownIds()).toEqual(['think']);
    expect(screen.getByTestId('objection-other-stage').textContent).toBe('другой этап');
    expect(screen.getByTestId('objection-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByTestId('objection-answer')[0]?.textContent).toContain('Над чем именно');
    // The manager can still close it.
    await user.click(screen.getByTestId('objection-toggle'));
    expect(screen.queryAllByTestId('objection-answer')).toHaveLength(0);

    await user.clear(screen.getByTestId('objection-search'));
    await user.type(screen.getByTestId('objection-search'), 'нет денег');
    expect(shownIds()).toEqual(['expensive']);
    await user.clear(screen.getByTestId('objection-search'));
    await user.type(screen.getByTestId('objection-search'), 'дороговато');
    expect(shownIds()).toEqual(['expensive']);
  });

  it('lists every objection on request, the stage’s own first', async () => {
    const user = userEvent.setup();
    render(<ObjectionList objections={makeObjections()} lang="en" />);
    await user.click(screen.getByTestId('objections-show-all'));
    expect(shownIds()).toEqual(['expensive', 'supplier', 'email', 'think']);
    expect(screen.getByTestId('objections-show-all').textContent).toBe('This stage only');
  });

  it('copies an answer and confirms it in the panel language', async () => {
    const user = userEvent.setup();
    const copied: string[] = [];
    const copy = (text: string) => {
      copied.push(text);
      return Promise.resolve(true);
    };
    render(<ObjectionList objections={makeObjections()} lang="ru" copy={copy} />);
    await user.click(screen.getAllByTestId('objection-toggle')[0]!);
    await user.click(screen.getAllByTestId('objection-copy')[1]!);
    expect(copied).toEqual(['Сколько стоит вам простой?']);
    expect(await screen.findByText('Скопировано')).toBeTruthy();
    expect(screen.getAllByTestId('objection-copy')[1]?.getAttribute('aria-label')).toBe('Копировать ответ 2');
  });

  it('puts the answer on the real clipboard, and says so when copying fails', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<ObjectionList objections={makeObjections()} lang="en" />);
    await user.click(screen.getAllByTestId('objection-toggle')[0]!);
    await user.click(screen.getAllByTestId('objection-copy')[0]!);
    expect(await navigator.clipboard.readText()).toBe('Let us compare what the price is made of.');
    expect(await screen.findByText('Copied')).toBeTruthy();
    unmount();

    render(<ObjectionList objections={makeObjections()} lang="en" copy={() => Promise.resolve(false)} />);
    await user.click(screen.getAllByTestId('objection-toggle')[0]!);
    await user.click(screen.getAllByTestId('objection-copy')[0]!);
    expect(await screen.findByText(/Could not copy/)).toBeTruthy();
  });

  it('expands an objection to show its answers, and collapses it again', async () => {
    const user = userEvent.setup();
    render(<ObjectionList objections={makeObjections()} lang="en" />);
    const toggle = screen.getAllByTestId('objection-toggle')[0];
    if (!toggle) throw new Error('no toggle');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryAllByTestId('objection-answer')).toHaveLength(0);
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByTestId('objection-answer').map((li) => li.querySelector('.sf-objection__answer-text')?.textContent)).toEqual([
      'Let us compare what the price is made of.',
      'What does downtime cost you?',
    ]);
    await user.keyboard('{Enter}');
    expect(screen.queryAllByTestId('objection-answer')).toHaveLength(0);
  });
});
