// @vitest-environment happy-dom
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import BookSection from '../../components/book/BookSection';
import { SalesBook } from '../../components/book/SalesBook';
import { handedOverPlaybook } from '../../components/book/SalesBookApp';
import { makeTranslator } from '../../lib/i18n/translate';
import { DEFAULT_PLAYBOOK } from '../../lib/playbook/default-playbook';
import { parsePlaybook } from '../../lib/playbook/parse-playbook';
import type { Playbook } from '../../lib/playbook/schema';
import type { BookApi } from '../../lib/sales-book/book-api';
import { PRINT_KEY } from '../../lib/sales-book/print-handoff';
import type { PublishPlaybookResponse } from '../../lib/wire/playbooks';

// Every keystroke re-checks the whole playbook, as the editor does; happy-dom makes typing slow.
vi.setConfig({ testTimeout: 30_000 });

const t = makeTranslator('en');

/** A team server in memory, keeping versions the way the real one does (rollback = republish). */
function fakeServer(): BookApi & { published: unknown[] } {
  const published: unknown[] = [];
  const summary = (i: number, restoredFrom: number | null = null): PublishPlaybookResponse => ({ version: i + 1, publishedAt: 1_700_000_000_000 + i, publishedBy: 'head@acme.test', restoredFrom });
  const restored = new Map<number, number>();
  return {
    published,
    versions: async () => published.map((_, i) => summary(i, restored.get(i + 1) ?? null)).reverse(),
    version: async (v) => ({ ...summary(v - 1), playbook: published[v - 1] }),
    publish: async (pb) => (published.push(structuredClone(pb)), summary(published.length - 1)),
    rollback: async (v) => {
      published.push(structuredClone(published[v - 1]));
      restored.set(published.length, v);
      return summary(published.length - 1, v);
    },
    draft: async () => null,
    saveDraft: async (pb) => ({ playbook: pb, updatedAt: 1, updatedBy: 'head@acme.test' }),
    mapStage: async () => null,
  };
}

async function openEditor(api: BookApi = fakeServer(), extra: Partial<Parameters<typeof BookSection>[0]> = {}) {
  const user = userEvent.setup();
  render(<BookSection api={api} lang="en" t={t} {...extra} />);
  await screen.findByTestId('playbook-editor');
  return user;
}

function nodeEl(id: string): HTMLElement {
  const el = screen.getAllByTestId('script-node').find((n) => n.dataset.node === id);
  if (el === undefined) throw new Error(`no node ${id}`);
  return el;
}

describe('sales book editor', () => {
  it('adds a new line from an answer, links the new line’s answer back, and the playbook stays valid', async () => {
    const user = await openEditor();
    await user.click(screen.getByTestId('book-tab-scripts'));
    const script = DEFAULT_PLAYBOOK.scripts[0]!;
    const start = nodeEl(script.start);
    // The new line goes between the start and where its first answer led.
    const oldTarget = script.nodes[script.start]!.answers[0]!.next;
    const firstNext = within(start).getAllByTestId('answer-next')[0]!;
    await user.selectOptions(firstNext, '+ a new node');
    const newId = (firstNext as HTMLSelectElement).value;
    expect(newId).toMatch(/^step-\d+$/);
    const added = nodeEl(newId);
    // A new line with no text and no answers: the schema's problems show at it.
    expect(within(added).getAllByTestId('field-error').map((e) => e.textContent).join(' ')).toMatch(/must not be empty/);
    await user.type(within(added).getByTestId('node-say-ru'), 'Когда удобно созвониться?');
    await user.type(within(added).getByTestId('node-say-en'), 'When is a good time to talk?');
    await user.click(within(added).getByTestId('add-answer'));
    await user.type(within(added).getByTestId('answer-label-ru'), 'Завтра');
    await user.type(within(added).getByTestId('answer-label-en'), 'Tomorrow');
    // Until the new line leads on, what came after it is unreachable, and says so.
    expect(screen.getByTestId('editor-check').textContent).not.toBe('The playbook passes every check.');
    await user.selectOptions(within(added).getByTestId('answer-next'), oldTarget);
    expect(screen.getByTestId('editor-check').textContent).toBe('The playbook passes every check.');
    expect(within(nodeEl(newId)).queryByTestId('dangling-link')).toBeNull();
  });

  it('shows a dangling link at the answer whose node was removed', async () => {
    const user = await openEditor();
    await user.click(screen.getByTestId('book-tab-scripts'));
    const script = DEFAULT_PLAYBOOK.scripts[0]!;
    const target = script.nodes[script.start]!.answers[0]!.next;
    await user.click(within(nodeEl(target)).getByRole('button', { name: `Remove node ${target}` }));
    const dangling = within(nodeEl(script.start)).getByTestId('dangling-link');
    expect(dangling.textContent).toBe(`Dangling link: there is no node “${target}”`);
    const select = within(nodeEl(script.start)).getAllByTestId('answer-next')[0]!;
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(select.getAttribute('aria-describedby')).toBe(dangling.id);
    expect(screen.getByTestId('book-publish')).toHaveProperty('disabled', true);
  });

  it('shows a schema error at the field it names, and publishing waits for the fix', async () => {
    const user = await openEditor();
    const firstStage = screen.getAllByTestId('stage-row')[0]!;
    const nameRu = within(firstStage).getByTestId('stage-name-ru');
    await user.clear(nameRu);
    expect(nameRu.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(nameRu.getAttribute('aria-describedby') ?? '');
    expect(error?.textContent).toBe('must not be empty');
    expect(screen.getByTestId('editor-check').textContent).toBe('1 problem to fix before saving');
    expect(screen.getByTestId('book-publish')).toHaveProperty('disabled', true);
    // A Bitrix24 name already used by another stage is named at the line in the other stage.
    await user.type(nameRu, 'Лид');
    // The default playbook maps Bitrix24's own stage ids; start both lines empty.
    const first24 = within(firstStage).getByTestId('stage-crm-bitrix24');
    const second24 = within(screen.getAllByTestId('stage-row')[1]!).getByTestId('stage-crm-bitrix24');
    await user.clear(first24);
    await user.clear(second24);
    await user.type(first24, 'NEW');
    await user.type(second24, 'new');
    expect(within(screen.getAllByTestId('stage-row')[1]!).getByTestId('field-error').textContent).toBe('[0]: "new" is already mapped to stage "lead" for bitrix24');
  });

  it('exports JSON that imports back to the same playbook', async () => {
    let exported: Blob | null = null;
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => ((exported = blob as Blob), 'blob:x'));
    const user = await openEditor();
    const minRow = screen.queryAllByTestId('activity-min');
    expect(minRow).toEqual([]); // norms are on their own tab
    await user.click(screen.getByTestId('book-tab-norms'));
    const min = screen.getAllByTestId('activity-min')[0] as HTMLInputElement;
    await user.clear(min);
    await user.type(min, '42');
    await user.click(screen.getByTestId('book-export'));
    expect(exported).not.toBeNull();
    const text = await exported!.text();
    const parsed = parsePlaybook(text);
    expect(parsed.ok && parsed.playbook.activityNorms[0]?.min).toBe(42);

    // Change it again, then import the exported file: the editor is back at 42.
    await user.clear(min);
    await user.type(min, '7');
    await user.upload(screen.getByTestId('book-file') as HTMLInputElement, new File([text], 'acme.json', { type: 'application/json' }));
    await waitFor(() => expect((screen.getAllByTestId('activity-min')[0] as HTMLInputElement).value).toBe('42'));
    expect(screen.getByTestId('book-status').textContent).toContain('acme.json');
    create.mockRestore();
  });

  it('names every problem of a broken file on import and keeps the draft', async () => {
    const user = await openEditor();
    await user.upload(screen.getByTestId('book-file') as HTMLInputElement, new File(['{"version": 1, "stages": "x"}'], 'bad.json'));
    const failed = await screen.findByTestId('book-failed');
    expect(failed.textContent).toContain('stages: expected array, got string');
    expect(screen.getAllByTestId('stage-row')).toHaveLength(DEFAULT_PLAYBOOK.stages.length);
  });

  it('publishes versions and rolls back to an earlier one', async () => {
    const api = fakeServer();
    const user = await openEditor(api);
    await user.click(screen.getByTestId('book-publish'));
    await screen.findByText(/Published as version 1/);
    await user.type(within(screen.getAllByTestId('stage-row')[0]!).getByTestId('stage-name-en'), ' (new)');
    await user.click(screen.getByTestId('book-publish'));
    await screen.findByText(/Published as version 2/);
    expect(screen.getAllByTestId('book-version')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Roll back to version 1' }));
    await screen.findByText('✓ Version 1 is published again as version 3');
    expect(api.published).toHaveLength(3);
    expect(api.published[2]).toEqual(api.published[0]);
    // The editor shows the restored text, and the list says what version 3 is.
    expect((within(screen.getAllByTestId('stage-row')[0]!).getByTestId('stage-name-en') as HTMLInputElement).value).toBe(DEFAULT_PLAYBOOK.stages[0]!.name.en);
    expect(screen.getAllByTestId('book-version')[0]!.textContent).toContain('restores version 1');
  });

  it('without a server for a head, still edits and prints but does not save or publish', async () => {
    const api = { ...fakeServer(), draft: () => Promise.reject({ code: 'forbidden', message: 'x' }) };
    const opened: string[] = [];
    const store = new Map<string, string>();
    const user = await openEditor(api, { openPage: (u) => opened.push(u), storage: { setItem: (k, v) => void store.set(k, v) } });
    expect(screen.getByTestId('book-offline')).toBeTruthy();
    expect(screen.getByTestId('book-publish')).toHaveProperty('disabled', true);
    await user.click(screen.getByTestId('book-print'));
    expect(opened).toEqual(['book.html']);
    expect(handedOverPlaybook({ getItem: (k) => store.get(k) ?? null })).toEqual(DEFAULT_PLAYBOOK);
    expect(store.has(PRINT_KEY)).toBe(true);
  });

  it('moves between its tabs with the arrow keys', async () => {
    const user = await openEditor();
    screen.getByTestId('book-tab-stages').focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(screen.getByTestId('book-tab-scripts'));
    expect(screen.getByTestId('script-editor')).toBeTruthy();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(document.activeElement).toBe(screen.getByTestId('book-tab-norms'));
  });
});

describe('printable sales book', () => {
  it('lists every stage, each script as numbered steps with where each answer leads, and objection answers', () => {
    render(<SalesBook playbook={DEFAULT_PLAYBOOK} lang="ru" t={makeTranslator('ru')} />);
    expect(screen.getAllByTestId('book-stage')).toHaveLength(DEFAULT_PLAYBOOK.stages.length);
    expect(screen.getAllByTestId('book-script')).toHaveLength(DEFAULT_PLAYBOOK.scripts.length);
    expect(screen.getAllByTestId('book-objection')).toHaveLength(DEFAULT_PLAYBOOK.objections.length);
    const script = DEFAULT_PLAYBOOK.scripts[0]!;
    const first = within(screen.getAllByTestId('book-script')[0]!).getAllByRole('listitem')[0]!;
    expect(first.textContent).toContain(script.nodes[script.start]!.say.ru);
    expect(first.textContent).toMatch(/→ шаг 2/);
  });

  it('falls back to the default book when the handoff is missing or broken', () => {
    const broken: Playbook = { ...DEFAULT_PLAYBOOK, stages: [] };
    expect(handedOverPlaybook({ getItem: () => JSON.stringify(broken) })).toBe(DEFAULT_PLAYBOOK);
    expect(handedOverPlaybook({ getItem: () => '\u0000not json' })).toBe(DEFAULT_PLAYBOOK);
    expect(handedOverPlaybook(undefined)).toBe(DEFAULT_PLAYBOOK);
  });
});
