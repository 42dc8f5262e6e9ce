// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PanelView } from '../../components/panel/PanelView';
import { TouchHistory } from '../../components/panel/TouchHistory';
import type { CrmFeedItem } from '../../lib/crm-feed/crm-feed-item';
import { evaluate } from '../../lib/playbook/engine';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default-playbook';
import { makeContext, makeState, makeTouch } from './factories';

const crm = (overrides: Partial<CrmFeedItem>): CrmFeedItem => ({ id: 'amo:1', kind: 'note', outcome: 'done', text: '', at: Date.UTC(2026, 2, 2, 11), author: null, ...overrides });

describe('the panel’s history with the CRM’s own feed', () => {
  it('shows the card’s own note, marked "from CRM", instead of "no touches yet"', () => {
    render(<TouchHistory touches={[]} total={0} lang="ru" crmItems={[crm({ text: 'Созвонились, ждут финальное КП', author: 'Ирина Соколова' })]} />);
    expect(screen.queryByText('Касаний с этим клиентом пока нет')).toBeNull();
    const item = screen.getByTestId('crm-history-item');
    expect(item.textContent).toContain('Созвонились, ждут финальное КП');
    expect(item.textContent).toContain('из CRM');
    expect(item.textContent).toContain('Ирина Соколова');
  });

  it('lists both histories in one order, newest first, in English too', () => {
    const touch = makeTouch({ id: '01JTOUCH000000000000000001', at: Date.UTC(2026, 2, 3, 9) });
    render(<TouchHistory touches={[touch]} total={1} lang="en" crmItems={[crm({ kind: 'call', outcome: 'reached', text: 'Outgoing call', at: Date.UTC(2026, 2, 4, 9) }), crm({ id: 'amo:2', kind: 'task', outcome: 'planned', text: 'Call back', at: null })]} />);
    const rows = screen.getAllByRole('listitem');
    expect(rows.map((r) => r.dataset.testid)).toEqual(['crm-history-item', 'touch-history-item', 'crm-history-item']);
    expect(rows[0]?.textContent).toContain('from CRM');
    expect(rows[2]?.textContent).toContain('time not shown');
  });

  it('marks a touch the CRM shows too, and offers "Add to CRM note" for the others', async () => {
    const a = makeTouch({ id: '01JTOUCH000000000000000001' });
    const b = makeTouch({ id: '01JTOUCH000000000000000002', at: Date.UTC(2026, 2, 2, 9) });
    const asked: string[] = [];
    const handlers = { onEditTouch: async () => {}, onDeleteTouch: async () => {}, onAddToCrm: async (id: string) => void asked.push(id) };
    render(<TouchHistory touches={[a, b]} total={2} lang="en" handlers={handlers} inCrm={[a.id]} />);
    expect(screen.getAllByTestId('touch-in-crm')).toHaveLength(1);
    const buttons = screen.getAllByTestId('touch-to-crm');
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]!);
    await waitFor(() => expect(screen.getByTestId('touch-to-crm-filled').textContent).toContain('press “Add” there'));
    expect(asked).toEqual([b.id]);
  });

  it('counts the CRM’s call toward the norm: the badge is not "due" after a call typed only in the CRM', () => {
    const now = Date.UTC(2026, 2, 5, 12);
    const context = makeContext({ feed: [crm({ kind: 'call', outcome: 'reached', text: 'Звонок', at: now - 86_400_000 })] });
    const model = evaluate(DEFAULT_PLAYBOOK, context, [], now);
    expect(model.cadence.lastTouchAt).toBe(now - 86_400_000);
    render(<PanelView state={makeState({ context, model })} status="connected" mode="side" onLogTouch={async () => {}} onSettingsChange={async () => {}} now={now} />);
    expect(screen.getByTestId('crm-history-item').textContent).toContain('Звонок');
  });
});
