// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { revealField } from '../../../lib/highlight/reveal-field';

/** amoCRM's card tabs as the demo (and the real CRM) render them: tabs and panes share data-id. */
function card() {
  document.body.innerHTML = `
    <div class="card-tabs">
      <div class="card-tabs__item js-card-tab selected" data-id="default">Основное</div>
      <div class="card-tabs__item js-card-tab" data-id="leads_7001">Квалификация</div>
    </div>
    <div class="linked-forms__group-wrapper" data-id="default">
      <div class="linked-form__field" data-id="512307"><input name="CFV[512307]"></div>
    </div>
    <div class="linked-forms__group-wrapper" data-id="leads_7001" style="display: none">
      <div class="linked-form__field" data-id="512304"><textarea name="CFV[512304]"></textarea></div>
    </div>`;
  // The CRM's own tab switching, as the page would do it.
  for (const tab of document.querySelectorAll<HTMLElement>('.js-card-tab')) {
    tab.addEventListener('click', () => {
      for (const pane of document.querySelectorAll<HTMLElement>('.linked-forms__group-wrapper')) {
        pane.style.display = pane.dataset.id === tab.dataset.id ? '' : 'none';
      }
    });
  }
  return (id: string) => document.querySelector<HTMLElement>(`.linked-form__field[data-id="${id}"]`)!;
}

describe('revealField', () => {
  afterEach(() => vi.useRealTimers());

  it('switches the CRM’s own tab when the field lives on a hidden one, scrolls to it and focuses it', () => {
    const field = card()('512304');
    const scrolled = vi.fn();
    field.scrollIntoView = scrolled;
    revealField(document, field);
    const pane = document.querySelector<HTMLElement>('.linked-forms__group-wrapper[data-id="leads_7001"]')!;
    expect(pane.style.display).toBe('');
    expect(scrolled).toHaveBeenCalledWith({ block: 'center', behavior: 'smooth' });
    expect(document.activeElement).toBe(field.querySelector('textarea'));
  });

  it('clicks no tab for a field already on the open tab, and flashes the field briefly', () => {
    vi.useFakeTimers();
    const field = card()('512307');
    field.scrollIntoView = () => {};
    const qualification = document.querySelector<HTMLElement>('.js-card-tab[data-id="leads_7001"]')!;
    const clicked = vi.fn();
    qualification.addEventListener('click', clicked);
    revealField(document, field);
    expect(clicked).not.toHaveBeenCalled();
    expect(field.style.outline).toContain('solid');
    vi.advanceTimersByTime(2000);
    expect(field.style.outline).toBe('');
  });

  it('never throws into the page, whatever the field', () => {
    const field = card()('512304');
    field.scrollIntoView = () => {
      throw new Error('the page broke scrollIntoView');
    };
    expect(revealField(document, field)).toBe(false);
  });
});
