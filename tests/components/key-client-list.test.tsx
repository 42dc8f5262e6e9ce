// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { KeyClientList } from '../../components/panel/KeyClientList';
import { PanelView } from '../../components/panel/PanelView';
import { PopupView } from '../../components/popup/PopupView';
import { KeyClientsViewSchema, type KeyClientRow, type KeyClientsView } from '../../lib/cadence/key-clients';
import { formatDate } from '../../lib/i18n/format-date';
import type { Lang } from '../../lib/i18n/lang';
import { makeState } from './factories';

// 2026-03-02 12:00 UTC, as in the unit test the figures come from.
const NOW = Date.UTC(2026, 2, 2, 12);
const DAY = 86_400_000;

function row(name: string, overrides: Partial<KeyClientRow>): KeyClientRow {
  return {
    clientKey: `amocrm:acme.amocrm.ru:lead:${name}`,
    name,
    url: `https://acme.amocrm.ru/leads/detail/${encodeURIComponent(name)}`,
    segment: { id: 'revenue_a', name: { ru: 'Ключевой по выручке (A)', en: 'Key by revenue (A)' } },
    crmSegment: null,
    dueFor: 'touch',
    nextDueAt: NOW,
    lastTouchAt: null,
    overdue: false,
    overdueDays: 0,
    ...overrides,
  };
}

const VIEW: KeyClientsView = KeyClientsViewSchema.parse({
  rows: [
    row('Тета', { segment: { id: 'regular', name: { ru: 'Обычный клиент', en: 'Regular client' } }, crmSegment: 'Средний', nextDueAt: NOW - 30 * DAY, overdue: true, overdueDays: 30 }),
    row('Альфа', { nextDueAt: NOW - 14 * DAY, overdue: true, overdueDays: 14 }),
    row('Бета', { segment: { id: 'revenue_top', name: { ru: 'Самый ценный по выручке', en: 'Most valuable by revenue' } }, dueFor: 'meeting', nextDueAt: NOW - 11 * DAY, overdue: true, overdueDays: 11 }),
    row('Гамма', { segment: { id: 'key', name: { ru: 'Ключевой клиент', en: 'Key client' } }, crmSegment: 'Ключевой', dueFor: 'meeting' }),
    row('Дельта', { crmSegment: 'Ключевой', nextDueAt: NOW + 5 * DAY }),
    row('Без адреса', { url: null, nextDueAt: NOW + 6 * DAY }),
  ],
  total: 6,
});

function renderList(lang: Lang, view: KeyClientsView | undefined = VIEW) {
  return render(<KeyClientList view={view} lang={lang} now={NOW} />);
}

const dueTexts = () => screen.getAllByTestId('key-client-due').map((el) => el.textContent);

describe('KeyClientList', () => {
  it('in Russian lists what is due and how late, most overdue first, in the order the background sent', () => {
    renderList('ru');
    expect(screen.getByRole('region', { name: 'Мои ключевые клиенты' })).toBeTruthy();
    const items = screen.getAllByTestId('key-client');
    expect(items.map((li) => li.querySelector('.sf-key-clients__name')?.textContent)).toEqual(['Тета', 'Альфа', 'Бета', 'Гамма', 'Дельта', 'Без адреса']);
    expect(dueTexts()).toEqual([
      'Касание Просрочено на 30 дней',
      'Касание Просрочено на 14 дней',
      'Встреча Просрочено на 11 дней',
      'Встреча сегодня',
      `Касание до ${formatDate(NOW + 5 * DAY, 'ru')}`,
      `Касание до ${formatDate(NOW + 6 * DAY, 'ru')}`,
    ]);
    // The CRM's own segment is shown when the card has one, the playbook's otherwise.
    expect(within(items[0]!).getByText('Средний')).toBeTruthy();
    expect(within(items[1]!).getByText('Ключевой по выручке (A)')).toBeTruthy();
  });

  it('in English says the same', () => {
    renderList('en');
    expect(screen.getByRole('region', { name: 'My key clients' })).toBeTruthy();
    expect(dueTexts().slice(0, 4)).toEqual(['Touch Overdue by 30 days', 'Touch Overdue by 14 days', 'Meeting Overdue by 11 days', 'Meeting today']);
    expect(screen.getAllByTestId('key-client')[1]?.textContent).toContain('Key by revenue (A)');
  });

  it('uses the Russian plural for 1, 3 and 21 days late', () => {
    const view = { rows: [1, 3, 21].map((d) => row(`К${d}`, { nextDueAt: NOW - d * DAY, overdue: true, overdueDays: d })).reverse(), total: 3 };
    renderList('ru', view);
    expect(dueTexts()).toEqual(['Касание Просрочено на 21 день', 'Касание Просрочено на 3 дня', 'Касание Просрочено на 1 день']);
  });

  it('opens each CRM card in a new tab from the keyboard', async () => {
    const user = userEvent.setup();
    renderList('en');
    const links = screen.getAllByTestId('key-client-open');
    expect(links).toHaveLength(5);
    expect(links[0]).toMatchObject({ href: 'https://acme.amocrm.ru/leads/detail/%D0%A2%D0%B5%D1%82%D0%B0', target: '_blank' });
    expect(links[0]?.getAttribute('rel')).toContain('noopener');
    expect(links[0]?.getAttribute('title')).toBe('Open the CRM card');
    await user.tab();
    expect(document.activeElement).toBe(links[0]);
    await user.tab();
    expect(document.activeElement).toBe(links[1]);
    // A card without a web address is named, not linked.
    expect(screen.getByText('Без адреса').tagName).toBe('SPAN');
  });

  it('says plainly there are no key clients yet, in both languages', () => {
    const { unmount } = renderList('ru', { rows: [], total: 0 });
    expect(screen.getByTestId('key-clients-empty').textContent).toContain('Ключевых клиентов пока нет');
    unmount();
    renderList('en', { rows: [], total: 0 });
    expect(screen.getByTestId('key-clients-empty').textContent).toContain('No key clients yet');
    expect(screen.queryAllByTestId('key-client')).toHaveLength(0);
  });

  it('says how many are left out when the list was cut', () => {
    renderList('en', { rows: VIEW.rows.slice(0, 2), total: 103 });
    expect(screen.getByTestId('key-clients-shown').textContent).toBe('Showing 2 of 103');
  });

  it('shows nothing before the background has read the list', () => {
    render(<KeyClientList view={undefined} lang="ru" now={NOW} />);
    expect(screen.queryByTestId('key-clients')).toBeNull();
  });
});

describe('where the list appears', () => {
  it('in the popup, under the sync status', () => {
    render(
      <PopupView
        state={makeState({ keyClients: VIEW }, { lang: 'ru' })}
        canOpenSidePanel
        onOpenPanel={vi.fn(() => Promise.resolve())}
        onSyncNow={vi.fn(() => Promise.resolve())}
        onOpenSettings={vi.fn()}
        now={NOW}
      />,
    );
    expect(within(screen.getByTestId('popup')).getAllByTestId('key-client')).toHaveLength(6);
  });

  it('in the side panel, with or without a client on the tab, and not in the docked panel', () => {
    const props = { status: 'connected' as const, onLogTouch: vi.fn(() => Promise.resolve()), onSettingsChange: vi.fn(() => Promise.resolve()), now: NOW };
    const { unmount } = render(<PanelView {...props} mode="side" state={makeState({ context: null, model: null, keyClients: { rows: [], total: 0 } }, { lang: 'en' })} />);
    expect(screen.getByTestId('key-clients-empty').textContent).toContain('No key clients yet');
    unmount();
    const side = render(<PanelView {...props} mode="side" state={makeState({ keyClients: VIEW }, { lang: 'ru' })} />);
    expect(screen.getAllByTestId('key-client')).toHaveLength(6);
    side.unmount();
    render(<PanelView {...props} mode="docked" state={makeState({ keyClients: VIEW }, { lang: 'ru' })} />);
    expect(screen.queryByTestId('key-clients')).toBeNull();
  });
});
