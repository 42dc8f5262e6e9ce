// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://demo.amocrm.ru/leads/detail/18230417"}
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AMOCRM_ADAPTER } from '../../../lib/adapters/amocrm';
import { snapshotAmoPageData } from '../../../lib/adapters/amocrm/snapshot-page-data';
import { DEMO_DATA } from './fake-amo-app';

/**
 * The demo amoCRM site (tests/fixtures/sites/amocrm) that end-to-end tests and `npm start`
 * use: run its app in happy-dom and check the extension's reader sees what a user sees.
 */
const SITE = join(__dirname, '../../fixtures/sites/amocrm');
const here = () => new URL(location.href);
const field = (key: string) => AMOCRM_ADAPTER.read(document, here(), snapshotAmoPageData(window))?.fields.find((f) => f.key === key);

beforeAll(async () => {
  const html = readFileSync(join(SITE, 'index.html'), 'utf8');
  document.body.innerHTML = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1]?.replace(/<script[\s\S]*?<\/script>/g, '') ?? '';
  const appPath = join(SITE, 'assets/app.js');
  await import(/* @vite-ignore */ appPath);
});

describe('demo amoCRM site', () => {
  it('serves generated data that matches its data file', async () => {
    const dataPath = join(SITE, 'assets/demo-data.js');
    const { DEMO } = (await import(/* @vite-ignore */ dataPath)) as { DEMO: unknown };
    expect(DEMO).toEqual(DEMO_DATA);
  });

  it('renders the lead of the URL, and page data and DOM give the same context', () => {
    const fromDom = AMOCRM_ADAPTER.read(document, here());
    const fromData = AMOCRM_ADAPTER.read(document, here(), snapshotAmoPageData(window));
    expect(fromDom).toMatchObject({ crmId: '18230417', stage: 'Переговоры', responsible: 'Ирина Соколова' });
    expect(fromData?.origin).toBe('page-data');
    expect({ ...fromData, origin: 'dom' }).toEqual(fromDom);
    expect(fromData?.fields.find((f) => f.key === 'cf:512301')?.value).toBe('Ключевой');
  });

  it('navigates between leads without a reload, like the Backbone router', () => {
    const link = document.querySelector<HTMLAnchorElement>('a.js-navigate-link[href="/leads/detail/18230422"]');
    link?.click();
    expect(location.pathname).toBe('/leads/detail/18230422');
    const ctx = AMOCRM_ADAPTER.read(document, here(), snapshotAmoPageData(window));
    expect(ctx).toMatchObject({ origin: 'page-data', crmId: '18230422', stage: 'Квалификация', budget: '', contacts: [] });
  });

  it('typing into a field updates both the form and the page model', () => {
    expect(field('budget')?.value).toBe('');
    const input = document.querySelector<HTMLInputElement>('input[name="lead[PRICE]"]');
    if (!input) throw new Error('no budget input');
    input.value = '75000';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    expect(field('budget')?.value).toBe('75000');
    expect(AMOCRM_ADAPTER.read(document, here())?.budget).toBe('75000');
  });

  it('choosing an option in a select fills the field', () => {
    const item = document.querySelector<HTMLElement>('.linked-form__field[data-id="512301"] .control--select--list--item[data-value="1001"]');
    item?.click();
    expect(field('cf:512301')?.value).toBe('Ключевой');
  });

  it('pads the card with extra fields on ?extra=N (benchmark pages)', async () => {
    const { renderCard } = (await import(/* @vite-ignore */ join(SITE, 'assets/render.js'))) as {
      renderCard: (a: unknown, l: unknown, o: unknown) => string;
    };
    const lead = DEMO_DATA.leads[0];
    const html = renderCard(DEMO_DATA.account, lead, { extra: 300 });
    const doc = new DOMParser().parseFromString(`<html lang="ru"><body>${html}</body></html>`, 'text/html');
    const ctx = AMOCRM_ADAPTER.read(doc, new URL('https://demo.amocrm.ru/leads/detail/18230417'));
    expect(ctx?.fields.filter((f) => f.key.startsWith('cf:9')).length).toBe(300);
  });
});
