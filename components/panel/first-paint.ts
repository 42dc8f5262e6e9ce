import { localize, makeTranslator, resolveLang } from '../../lib/i18n/translate';
import type { PanelState } from '../../lib/messaging/hub-messages';
import { isTabFrame } from './tab-frame';

/**
 * The panel's first paint, in plain DOM: who the client is, the stage, and the required
 * fields still missing. It needs neither React nor zod, so it shows while the full panel
 * (PanelView) still loads; the full panel replaces it in the same root. Same classes and
 * test ids as the full view, so it looks like the top of the panel it turns into.
 */
export function paintFirst(root: HTMLElement, state: PanelState, navigatorLanguage: string | undefined): void {
  const lang = resolveLang(state.settings.lang ?? null, navigatorLanguage);
  const t = makeTranslator(lang);
  const doc = root.ownerDocument;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string, testId?: string) => {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    if (testId) node.dataset['testid'] = testId;
    return node;
  };
  doc.documentElement.lang = lang;

  const main = el('main', 'sf-panel sf-panel--docked', undefined, 'panel');
  main.lang = lang;
  main.dataset['state'] = 'first-paint';
  if (state.settings.panelCollapsed || isTabFrame(doc.defaultView)) {
    // The frame is a slim tab then (folded by hand or by a narrow window); the full view draws it in a moment.
    root.replaceChildren(main);
    return;
  }

  const header = el('header', 'sf-header');
  const brand = el('div', 'sf-brand');
  brand.append(el('span', 'sf-brand__logo', 'S'), el('span', 'sf-brand__name', t('app.name')));
  const top = el('div', 'sf-header__top');
  top.append(brand);
  header.append(top);
  main.append(header);

  const { context, model } = state;
  if (!context || !model) {
    root.replaceChildren(main);
    return;
  }
  const name = context.name || context.crmId;
  const client = el('div', 'sf-client');
  const nameEl = el('h1', 'sf-client__name', name, 'panel-client-name');
  nameEl.title = name;
  client.append(el('span', 'sf-eyebrow', t('header.client')), nameEl);
  header.append(client);

  const sections = el('div', 'sf-sections');
  const stage = el('section', 'sf-card sf-stage', undefined, 'stage');
  if (model.stage.status === 'mapped') {
    stage.append(
      el('span', 'sf-eyebrow', t('stage.progress', { index: model.stage.index + 1, total: model.stage.total }), 'stage-progress'),
      el('h2', 'sf-stage__name', localize(model.stage.name, lang), 'stage-name'),
      el('p', 'sf-muted sf-stage__crm', t('stage.crm', { name: model.stage.crmStage }), 'stage-crm'),
    );
  } else if (model.stage.status === 'unmapped') {
    stage.append(el('p', 'sf-stage__problem', t('stage.unmapped', { name: model.stage.crmStage }), 'stage-unmapped'));
  } else {
    stage.append(el('p', 'sf-stage__problem', t('stage.none'), 'stage-none'));
  }
  sections.append(stage);

  const missing = model.checklist.filter((item) => !item.filled);
  if (missing.length > 0) {
    const card = el('section', 'sf-card', undefined, 'checklist');
    const list = el('ul', 'sf-checklist');
    for (const item of missing) {
      const li = el('li', 'sf-checklist__item is-missing', undefined, 'checklist-item');
      li.dataset['fieldId'] = item.id;
      li.dataset['filled'] = 'false';
      const body = el('span', 'sf-checklist__body');
      body.append(el('span', 'sf-checklist__label', localize(item.label, lang)));
      li.append(el('span', 'sf-checklist__mark', '!'), body);
      list.append(li);
    }
    card.append(
      el('h2', 'sf-card__title', t('checklist.title')),
      el('p', 'sf-checklist__summary is-warn', t('checklist.missing', { count: missing.length })),
      list,
    );
    sections.append(card);
  }
  main.append(sections);
  root.replaceChildren(main);
}
