// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { paintFirst } from '../../components/panel/first-paint';
import { makeState } from './factories';

const byTestId = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe('the docked panel first paint (plain DOM, before React loads)', () => {
  it('shows the client, the stage and the required fields still missing', () => {
    const root = document.createElement('div');
    const state = makeState();
    paintFirst(root, state, 'ru-RU');
    expect(byTestId(root, 'panel-client-name')?.textContent).toBe(state.context?.name);
    const missing = state.model!.checklist.filter((i) => !i.filled);
    expect(root.querySelectorAll('[data-testid="checklist-item"]').length).toBe(missing.length);
    for (const item of missing) expect(root.textContent).toContain(item.label.ru);
    if (state.model!.stage.status === 'mapped') expect(byTestId(root, 'stage-name')?.textContent).toBe(state.model!.stage.name.ru);
  });

  it('draws only the empty frame of the tab when a narrow window folded the frame', () => {
    const root = document.createElement('div');
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: 44 });
    try {
      paintFirst(root, makeState(), 'ru-RU');
    } finally {
      Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1024 });
    }
    expect(byTestId(root, 'panel')?.dataset.state).toBe('first-paint');
    expect(byTestId(root, 'panel-client-name')).toBeNull();
  });

  it('speaks the chosen language and shows page text as text, never as markup', () => {
    const root = document.createElement('div');
    const state = makeState();
    state.settings = { ...state.settings, lang: 'en' };
    state.context = { ...state.context!, name: '<img src=x onerror=alert(1)> \u0000' };
    paintFirst(root, state, 'ru-RU');
    expect(byTestId(root, 'panel-client-name')?.textContent).toBe('<img src=x onerror=alert(1)> \u0000');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('main')?.lang).toBe('en');
  });

  it('shows no client when the tab has none', () => {
    const root = document.createElement('div');
    paintFirst(root, makeState({ context: null, model: null }), 'ru-RU');
    expect(byTestId(root, 'panel-client-name')).toBeNull();
    expect(byTestId(root, 'panel')).not.toBeNull();
  });
});
