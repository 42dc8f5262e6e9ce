// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { queryOrFail, queryOrNull, SelectorError, textOf } from '../../../lib/adapters/dom-lookup';

describe('lookup primitives', () => {
  const doc = new DOMParser().parseFromString(
    '<div class="old">old</div><div class="new">new</div><p id="t">  a \n\t b\u00a0c  </p>',
    'text/html',
  );

  it('tries alternatives in order and returns the first that matches', () => {
    expect(textOf(queryOrNull(doc, ['.missing', '.new', '.old']))).toBe('new');
    expect(queryOrNull(doc, ['.missing'])).toBeNull();
  });

  it('names the adapter and the selectors when a required anchor is missing', () => {
    expect(() => queryOrFail(doc, ['.a', '.b'], 'amocrm')).toThrow(SelectorError);
    try {
      queryOrFail(doc, ['.a', '.b'], 'amocrm');
    } catch (e) {
      expect((e as SelectorError).adapterId).toBe('amocrm');
      expect((e as SelectorError).message).toContain('.a | .b');
    }
    expect(queryOrFail(doc, ['.old'], 'amocrm').textContent).toBe('old');
  });

  it('normalises whitespace in text', () => {
    expect(textOf(doc.getElementById('t'))).toBe('a b c');
    expect(textOf(null)).toBe('');
  });
});
