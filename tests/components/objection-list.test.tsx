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
    await user.type(screen.getByTestId('objection-search'), 'supplier');
    expect(shownIds()).toEqual(['supplier']);
    await user.clear(screen.getByTestId('objection-search'));
    // Russian words do not match in the English panel.
    await user.type(screen.getByTestId('objection-search'), 'дорого');
    expect(shownIds()).toEqual([]);
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
    expect(screen.getAllByTestId('objection-answer').map((li) => li.textContent)).toEqual([
      'Let us compare what the price is made of.',
      'What does downtime cost you?',
    ]);
    await user.keyboard('{Enter}');
    expect(screen.queryAllByTestId('objection-answer')).toHaveLength(0);
  });
});
