// @vitest-environment happy-dom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { StageHeader } from '../../components/panel/StageHeader';
import { makeModel } from './factories';

describe('StageHeader', () => {
  it('puts the stage in one line and keeps the goal, owner and CRM name one click away', async () => {
    const user = userEvent.setup();
    render(<StageHeader stage={makeModel().stage} lang="ru" />);
    const line = screen.getByTestId('stage-name').closest('summary');
    if (!line) throw new Error('the stage line is not a summary');
    expect(line.textContent).toBe('ПереговорыЭтап 3 из 9');
    expect(line.title).toContain('Согласовать условия');
    const details = line.closest('details');
    expect(details?.open).toBe(false);
    await user.click(line);
    expect(details?.open).toBe(true);
  });

  it('shows a mapped stage with its position, CRM name and goal', () => {
    const { stage } = makeModel();
    render(<StageHeader stage={stage} lang="ru" />);
    expect(screen.getByTestId('stage-name').textContent).toBe('Переговоры');
    expect(screen.getByTestId('stage-progress').textContent).toBe('Этап 3 из 9');
    expect(screen.getByTestId('stage-goal').textContent).toContain('Согласовать условия и дату подписания');
    expect(screen.getByTestId('stage-crm').textContent).toContain('Переговоры');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('3');
  });

  it('shows the mapped stage in English', () => {
    render(<StageHeader stage={makeModel().stage} lang="en" />);
    expect(screen.getByTestId('stage-name').textContent).toBe('Negotiation');
    expect(screen.getByTestId('stage-progress').textContent).toBe('Stage 3 of 9');
    expect(screen.getByText('Owner: closer')).toBeTruthy();
  });

  it('names a CRM stage the playbook does not know, with a hint', () => {
    render(<StageHeader stage={{ status: 'unmapped', crmStage: 'Ждём оплату' }} lang="ru" />);
    expect(screen.getByTestId('stage-unmapped').textContent).toBe('Этап CRM «Ждём оплату» не сопоставлен с плейбуком');
    expect(screen.queryByTestId('stage-name')).toBeNull();
    expect(screen.getByText(/Настройки → Плейбук/)).toBeTruthy();
  });

  it('says so when the card has no stage', () => {
    render(<StageHeader stage={{ status: 'none' }} lang="en" />);
    expect(screen.getByTestId('stage-none').textContent).toBe('This card has no deal stage');
    expect(screen.queryByTestId('stage-progress')).toBeNull();
  });
});
