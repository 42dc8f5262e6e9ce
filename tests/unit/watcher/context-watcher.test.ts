// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchContext } from '../../../lib/watcher/context-watcher';

/** Reads the "card" the way an adapter would: the name input's value, null without one. */
function readName(): { name: string } | null {
  const input = document.querySelector<HTMLInputElement>('#name');
  return input ? { name: input.value } : null;
}

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchContext', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  function start(intervalMs = 40) {
    const published: ({ name: string } | null)[] = [];
    const ac = new AbortController();
    const watcher = watchContext({
      doc: document,
      read: readName,
      publish: (ctx) => published.push(ctx),
      signal: ac.signal,
      intervalMs,
    });
    return { published, watcher, ac };
  }

  it('publishes the first read, then only when the context changes', async () => {
    document.body.innerHTML = '<input id="name" value="ООО Ромашка">';
    const { published, watcher, ac } = start();
    watcher.flush();
    expect(published).toEqual([{ name: 'ООО Ромашка' }]);

    document.body.append(document.createElement('span')); // unrelated mutation
    await tick(60);
    expect(published).toHaveLength(1);

    document.querySelector<HTMLInputElement>('#name')!.setAttribute('value', 'ООО Василёк');
    await tick(60);
    expect(published).toEqual([{ name: 'ООО Ромашка' }, { name: 'ООО Василёк' }]);
    ac.abort();
  });

  it('notices typing, which changes no attribute', async () => {
    document.body.innerHTML = '<input id="name" value="">';
    const { published, watcher, ac } = start();
    watcher.flush();
    const input = document.querySelector<HTMLInputElement>('#name')!;
    input.value = 'Иван';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await tick(60);
    expect(published.at(-1)).toEqual({ name: 'Иван' });
    ac.abort();
  });

  it('publishes null when the card leaves the page (SPA navigation to a list)', async () => {
    document.body.innerHTML = '<input id="name" value="Сделка">';
    const { published, watcher, ac } = start();
    watcher.flush();
    document.body.innerHTML = '<ul class="list"></ul>';
    await tick(60);
    expect(published.at(-1)).toBeNull();
    ac.abort();
  });

  it('coalesces a burst of mutations into bounded reads', async () => {
    document.body.innerHTML = '<input id="name" value="a">';
    const read = vi.fn(readName);
    const ac = new AbortController();
    const watcher = watchContext({ doc: document, read, publish: () => {}, signal: ac.signal, intervalMs: 1000 });
    watcher.flush();
    for (let i = 0; i < 200; i++) document.body.append(document.createElement('i'));
    await tick(20);
    // The first change after the initial read waits out the interval: no read yet.
    expect(read).toHaveBeenCalledTimes(1);
    ac.abort();
  });

  it('looks often while no card has been found, so a card shows as soon as it renders', async () => {
    document.body.innerHTML = '<div class="loading"></div>';
    const published: ({ name: string } | null)[] = [];
    const ac = new AbortController();
    const watcher = watchContext({
      doc: document,
      read: readName,
      publish: (c) => published.push(c),
      signal: ac.signal,
      intervalMs: 1000,
      searchIntervalMs: 10,
    });
    watcher.flush();
    expect(published).toEqual([null]);
    document.body.append(document.createElement('span')); // the CRM still loading
    await tick(30);
    document.body.innerHTML = '<input id="name" value="Сделка">';
    await tick(40);
    // Well inside the 1 s interval: the search pace applied.
    expect(published).toEqual([null, { name: 'Сделка' }]);

    // Once a card is shown, the calmer pace applies again.
    document.querySelector<HTMLInputElement>('#name')!.setAttribute('value', 'Сделка 2');
    await tick(40);
    expect(published).toHaveLength(2);
    ac.abort();
  });

  it('treats an adapter that throws as "no client" and keeps watching', async () => {
    let broken = true;
    const published: unknown[] = [];
    const ac = new AbortController();
    const watcher = watchContext({
      doc: document,
      read: () => {
        if (broken) throw new Error('drifted selector');
        return { ok: true };
      },
      publish: (c) => published.push(c),
      signal: ac.signal,
      intervalMs: 10,
    });
    document.body.innerHTML = '<p></p>';
    watcher.flush();
    expect(published).toEqual([null]);
    broken = false;
    document.body.append(document.createElement('b'));
    await tick(30);
    expect(published).toEqual([null, { ok: true }]);
    ac.abort();
  });

  it('stops reading once aborted', async () => {
    document.body.innerHTML = '<input id="name" value="x">';
    const read = vi.fn(readName);
    const ac = new AbortController();
    watchContext({ doc: document, read, publish: () => {}, signal: ac.signal, intervalMs: 0 });
    ac.abort();
    document.body.append(document.createElement('i'));
    await tick(20);
    expect(read).not.toHaveBeenCalled();
  });
});

describe('watchContext: what changed since the last read', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('hands the read the changed nodes, and null when a full read is asked for', async () => {
    document.body.innerHTML = '<div id="a"><input id="name" value="x"></div><div id="b"></div>';
    const seen: (string[] | null)[] = [];
    const ac = new AbortController();
    const watcher = watchContext({
      doc: document,
      read: (changed) => {
        seen.push(changed === null ? null : [...changed].map((n) => (n as Element).id || n.nodeName));
        return readName();
      },
      publish: () => {},
      signal: ac.signal,
      intervalMs: 0,
    });
    watcher.flush();
    expect(seen).toEqual([null]);

    document.getElementById('b')!.append(document.createElement('span'));
    await tick(10);
    expect(seen[1]).toEqual(['b']);

    // Typing changes no attribute: the event's target is what changed.
    document.getElementById('name')!.dispatchEvent(new Event('input', { bubbles: true }));
    await tick(10);
    expect(seen[2]).toEqual(['name']);

    // A poke (navigation, new page data) asks for everything, whatever else changed meanwhile.
    document.getElementById('b')!.append(document.createElement('i'));
    watcher.poke();
    await tick(10);
    expect(seen[3]).toBeNull();
    ac.abort();
  });
});
