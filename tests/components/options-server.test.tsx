// @vitest-environment happy-dom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OptionsView } from '../../components/options/OptionsView';
import type { ServerDeps } from '../../components/options/server-deps';
import type { MeResponse } from '../../lib/wire/me';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { SYNC_OFF, type SyncStatus } from '../../lib/sync/sync-status';
import { makeSync } from './factories';

const NOW = Date.UTC(2026, 2, 10, 12);
const TOKEN = 'sft_0123456789abcdefghijklmnop';
const ME: MeResponse = {
  user: { id: 'u1', email: 'irina@romashka.example', role: 'head' },
  team: { id: 't1', name: 'Отдел продаж Москва' },
  org: { id: 'o1', name: 'ООО «Ромашка»' },
  tokenId: 'tok1',
};

function fakeServer(overrides: Partial<ServerDeps> = {}) {
  return {
    fetchMe: vi.fn((_url: string, _token: string) => Promise.resolve(ME)),
    configure: vi.fn((_url: string, _token: string) => Promise.resolve()),
    disconnect: vi.fn(() => Promise.resolve()),
    syncNow: vi.fn(() => Promise.resolve()),
    ...overrides,
  };
}

function setup(sync: SyncStatus | null = SYNC_OFF, server = fakeServer(), lang: 'ru' | 'en' = 'en') {
  render(
    <OptionsView
      settings={{ ...DEFAULT_SETTINGS, lang }}
      onSettingsChange={vi.fn()}
      onImportPlaybook={vi.fn()}
      onResetPlaybook={vi.fn()}
      sync={sync}
      server={server}
      now={NOW}
    />,
  );
  return { server, user: userEvent.setup() };
}

async function fill(user: ReturnType<typeof userEvent.setup>, url: string, token: string) {
  await user.clear(screen.getByTestId('sync-url'));
  await user.type(screen.getByTestId('sync-url'), url);
  await user.clear(screen.getByTestId('sync-token'));
  if (token !== '') await user.type(screen.getByTestId('sync-token'), token);
}

describe('Options: team server', () => {
  it('says everything stays local when no server is set', () => {
    setup(SYNC_OFF, fakeServer(), 'ru');
    expect(screen.getByTestId('sync-local-only').textContent).toContain('ничего не покидает этот браузер');
    expect(screen.queryByTestId('sync-disconnect')).toBeNull();
    expect(screen.queryByTestId('sync-status')).toBeNull();
  });

  it('hides the token until asked, then shows it', async () => {
    const { user } = setup();
    const input = screen.getByTestId('sync-token') as HTMLInputElement;
    expect(input.type).toBe('password');
    await user.click(screen.getByTestId('sync-token-toggle'));
    expect(input.type).toBe('text');
    expect(screen.getByTestId('sync-token-toggle').textContent).toBe('Hide the token');
  });

  it('tests the connection and shows who the token belongs to', async () => {
    const { server, user } = setup();
    await fill(user, 'https://sufler.example.com', TOKEN);
    await user.click(screen.getByTestId('sync-test'));

    const me = await screen.findByTestId('sync-me');
    expect(server.fetchMe).toHaveBeenCalledWith('https://sufler.example.com', TOKEN);
    expect(within(me).getByTestId('sync-me-email').textContent).toBe('irina@romashka.example');
    expect(within(me).getByTestId('sync-me-role').textContent).toBe('head of sales');
    expect(within(me).getByTestId('sync-me-team').textContent).toBe('Отдел продаж Москва');
    expect(within(me).getByTestId('sync-me-org').textContent).toBe('ООО «Ромашка»');
    // A test only tests: nothing is stored.
    expect(server.configure).not.toHaveBeenCalled();
  });

  it.each([
    ['offline', 'Can’t reach https://sufler.example.com'],
    ['timeout', 'did not answer in time'],
    ['not_sufler', 'is not a Sufler server'],
    ['unauthorized', 'The token is wrong or has been revoked'],
    ['forbidden', 'lacks the rights'],
    ['server', 'internal error'],
    ['rate_limited', 'too many requests'],
    ['bad_response', 'could not be understood'],
    ['something_new', 'Sync error: the server said something new'],
  ])('explains a %s failure in words', async (code, words) => {
    const server = fakeServer({
      fetchMe: vi.fn(() => Promise.reject({ code, message: 'the server said something new', retryable: false })),
    });
    const { user } = setup(SYNC_OFF, server);
    await fill(user, 'https://sufler.example.com', TOKEN);
    await user.click(screen.getByTestId('sync-test'));
    expect((await screen.findByTestId('sync-error')).textContent).toContain(words);
    expect(screen.queryByTestId('sync-me')).toBeNull();
  });

  it.each([
    ['en', 'http://sufler.example.com', 'Use https:// for a server on another machine'],
    ['ru', 'http://10.0.0.5:8787', 'Для сервера на другом компьютере нужен https://'],
  ] as const)('refuses a plain http:// address of another machine (%s) without calling it', async (lang, url, words) => {
    const { server, user } = setup(SYNC_OFF, fakeServer(), lang);
    await fill(user, url, TOKEN);
    await user.click(screen.getByTestId('sync-save'));
    expect((await screen.findByTestId('sync-error')).textContent).toContain(words);
    expect(server.fetchMe).not.toHaveBeenCalled();
    expect(server.configure).not.toHaveBeenCalled();
  });

  it('takes http:// on this computer', async () => {
    const { server, user } = setup();
    await fill(user, 'http://127.0.0.1:8787', TOKEN);
    await user.click(screen.getByTestId('sync-test'));
    await screen.findByTestId('sync-me');
    expect(server.fetchMe).toHaveBeenCalledWith('http://127.0.0.1:8787', TOKEN);
  });

  it('explains failures in Russian for a Russian user', async () => {
    const server = fakeServer({ fetchMe: vi.fn(() => Promise.reject({ code: 'unauthorized', message: 'x', retryable: false })) });
    const { user } = setup(SYNC_OFF, server, 'ru');
    await fill(user, 'https://sufler.example.com', TOKEN);
    await user.click(screen.getByTestId('sync-test'));
    expect((await screen.findByTestId('sync-error')).textContent).toContain('Токен неверный или отозван');
  });

  it('saves trimmed values and starts syncing', async () => {
    const { server, user } = setup();
    await fill(user, '  https://sufler.example.com/  ', `  ${TOKEN}  `);
    await user.click(screen.getByTestId('sync-save'));

    expect(await screen.findByText(/The server is connected and syncing has started/)).toBeTruthy();
    expect(server.fetchMe).toHaveBeenCalledWith('https://sufler.example.com', TOKEN);
    expect(server.configure).toHaveBeenCalledWith('https://sufler.example.com', TOKEN);
    expect(screen.getByTestId('sync-me-email').textContent).toBe('irina@romashka.example');
  });

  it('does not save a server that fails the test', async () => {
    const server = fakeServer({ fetchMe: vi.fn(() => Promise.reject({ code: 'offline', message: 'x', retryable: true })) });
    const { user } = setup(SYNC_OFF, server);
    await fill(user, 'https://sufler.example.com', TOKEN);
    await user.click(screen.getByTestId('sync-save'));
    await screen.findByTestId('sync-error');
    expect(server.configure).not.toHaveBeenCalled();
  });

  it('refuses an address or token that cannot be right before asking the server', async () => {
    const { server, user } = setup();
    await fill(user, 'sufler.example.com', TOKEN);
    await user.click(screen.getByTestId('sync-test'));
    expect(screen.getByTestId('sync-error').textContent).toContain('Enter the full server address');

    await fill(user, 'https://sufler.example.com', 'short');
    await user.click(screen.getByTestId('sync-test'));
    expect(screen.getByTestId('sync-error').textContent).toContain('The token is too short');
    expect(server.fetchMe).not.toHaveBeenCalled();
  });

  it('shows the background’s reason when it will not store the config', async () => {
    const server = fakeServer({ configure: vi.fn(() => Promise.reject(new Error('storage is full'))) });
    const { user } = setup(SYNC_OFF, server);
    await fill(user, 'https://sufler.example.com', TOKEN);
    await user.click(screen.getByTestId('sync-save'));
    expect((await screen.findByTestId('sync-error')).textContent).toBe('Error: storage is full');
  });

  it('disconnects and says the data stays in the browser', async () => {
    const { server, user } = setup(makeSync());
    expect(screen.getByTestId('sync-url')).toHaveProperty('value', 'https://sufler.example.com');
    await user.click(screen.getByTestId('sync-disconnect'));
    expect(server.disconnect).toHaveBeenCalledTimes(1);
    expect((await screen.findByText(/Disconnected\. All your data stays in this browser/))).toBeTruthy();
  });

  it('shows the live status: pending, last sync, last error, next attempt', () => {
    setup(
      makeSync({
        state: 'backoff',
        pending: 3,
        lastSuccessAt: NOW - 2 * 60_000,
        lastError: { code: 'offline', message: 'fetch failed', at: NOW - 30_000 },
        nextAttemptAt: NOW + 5 * 60_000,
      }),
    );
    expect(screen.getByTestId('sync-state').textContent).toBe('Will retry');
    expect(screen.getByTestId('sync-pending').textContent).toBe('3 items waiting to sync');
    expect(screen.getByTestId('sync-last-success').textContent).toBe('Last synced: 2 minutes ago');
    expect(screen.getByTestId('sync-last-error').textContent).toContain('Can’t reach https://sufler.example.com');
    expect(screen.getByTestId('sync-next-attempt').textContent).toBe('Next attempt: in 5 minutes');
  });

  it('syncs now on request', async () => {
    const { server, user } = setup(makeSync({ lastSuccessAt: null }));
    expect(screen.getByTestId('sync-last-success').textContent).toBe('Last synced: never');
    await user.click(screen.getByTestId('sync-now'));
    expect(server.syncNow).toHaveBeenCalledTimes(1);
    expect((await screen.findByTestId('sync-now-feedback')).textContent).toBe('Sync started');
  });

  it('disables sync now while a sync runs', () => {
    setup(makeSync({ state: 'syncing' }));
    expect(screen.getByTestId('sync-now')).toHaveProperty('disabled', true);
  });

  it('lists every rejected item with its reason, and counts the rest', () => {
    setup(
      makeSync({
        state: 'error',
        rejectedCount: 23,
        rejected: [
          { entity: 'touch', entityId: '01A', reason: 'invalid_payload: payload.comment: too long', summary: 'Звонок: обсудили цену' },
          { entity: 'client', entityId: '01B', reason: 'id_conflict', summary: 'ООО «Ромашка»' },
        ],
      }),
      fakeServer(),
      'ru',
    );
    const list = screen.getByTestId('sync-rejected');
    expect(list.textContent).toContain('Сервер не принял 23 записи');
    expect(screen.getAllByTestId('sync-rejected-item').map((li) => li.textContent)).toEqual([
      'Касание: Звонок: обсудили ценуПричина: invalid_payload: payload.comment: too long',
      'Клиент: ООО «Ромашка»Причина: id_conflict',
    ]);
    expect(screen.getByTestId('sync-rejected-more').textContent).toBe('и ещё 21 запись');
  });

  it('keeps showing rejected items after the server is disconnected', () => {
    setup({ ...SYNC_OFF, rejectedCount: 1, rejected: [{ entity: 'touch', entityId: '01A', reason: 'id_conflict', summary: 'Call' }] });
    expect(screen.getAllByTestId('sync-rejected-item')).toHaveLength(1);
  });
});
