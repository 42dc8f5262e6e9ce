// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { applyOutline, clearOutline, OUTLINE_ATTRIBUTE } from '../../../lib/highlight/field-outline';

function form() {
  document.head.innerHTML = '';
  document.body.innerHTML = `
    <div class="linked-form__field" id="phone"></div>
    <div class="linked-form__field" id="budget"></div>
    <div class="linked-form__field" id="source"></div>`;
  return ['phone', 'budget', 'source'].map((id) => document.getElementById(id) as HTMLElement);
}

const marked = () => [...document.querySelectorAll(`[${OUTLINE_ATTRIBUTE}]`)].map((el) => el.id);

describe('field outline', () => {
  it('marks exactly the given fields and adds one style element', () => {
    const [phone, budget] = form();
    applyOutline(document, [phone!, budget!]);
    expect(marked()).toEqual(['phone', 'budget']);
    applyOutline(document, [phone!, budget!]);
    expect(document.querySelectorAll('#sufler-outline-style')).toHaveLength(1);
  });

  it('unmarks fields that were filled since', () => {
    const [phone, budget, source] = form();
    applyOutline(document, [phone!, budget!, source!]);
    applyOutline(document, [source!]);
    expect(marked()).toEqual(['source']);
  });

  it('uses an outline, which takes no layout space, never a border or margin', () => {
    const [phone] = form();
    applyOutline(document, [phone!]);
    const css = document.getElementById('sufler-outline-style')!.textContent ?? '';
    expect(css).toContain('outline:');
    expect(css).not.toMatch(/border:|margin|padding|width/);
  });

  it('clearOutline removes every mark and the style', () => {
    const [phone, budget] = form();
    applyOutline(document, [phone!, budget!]);
    clearOutline(document);
    expect(marked()).toEqual([]);
    expect(document.getElementById('sufler-outline-style')).toBeNull();
  });
});
