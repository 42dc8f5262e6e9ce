// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { GENERIC_ADAPTER } from '../../../lib/adapters/registry';
import { locateLabelledField, readLabelledFields } from '../../../lib/adapters/generic/labelled-fields';
import { fixture } from './fixtures';

describe('generic adapter: fields by visible label', () => {
  it('reads a form labelled by for=, wrapping labels and aria attributes', () => {
    const { doc, u } = fixture('generic/2025-11-labelled-form.html');
    expect(readLabelledFields(doc)).toEqual([
      { key: 'label:название сделки', label: 'Название сделки', value: 'Монтаж вентиляции, ТЦ «Ока»' },
      { key: 'label:этап', label: 'Этап', value: 'Переговоры' },
      { key: 'label:бюджет', label: 'Бюджет', value: '890 000' },
      { key: 'label:источник', label: 'Источник', value: '' },
      { key: 'label:инн', label: 'ИНН', value: '' },
      { key: 'label:лицо, принимающее решение', label: 'Лицо, принимающее решение', value: 'Гусев П. А.' },
      { key: 'label:ключевой клиент', label: 'Ключевой клиент', value: '1' },
      { key: 'label:комментарий', label: 'Комментарий', value: 'Перезвонить после 15:00' },
    ]);
    expect(GENERIC_ADAPTER.read(doc, u)).toMatchObject({
      source: 'generic',
      account: 'crm.example.test',
      entity: 'unknown',
      crmId: '/deals/7731',
      name: 'Монтаж вентиляции, ТЦ «Ока»',
      stage: 'Переговоры',
      budget: '890 000',
      origin: 'dom',
    });
  });

  it('reads label/value rows (dt/dd, th/td, div pairs), numbering repeated labels', () => {
    const { doc, u } = fixture('generic/2025-11-label-rows.html');
    const fields = readLabelledFields(doc);
    expect(fields.map((f) => [f.key, f.value])).toEqual([
      ['label:name', 'Initech — printer fleet'],
      ['label:stage', 'Proposal sent'],
      ['label:owner', 'Peter Gibbons'],
      ['label:amount', '12,500'],
      ['label:close date', ''],
      ['label:phone', '+1 555 0142'],
      ['label:phone#2', '+1 555 0199'],
      ['label:company', 'Initech'],
      ['label:next step', ''],
    ]);
    expect(GENERIC_ADAPTER.read(doc, u)).toMatchObject({
      crmId: '/opportunity?id=88',
      name: 'Initech — printer fleet',
      stage: 'Proposal sent',
      budget: '12,500',
      responsible: 'Peter Gibbons',
      company: 'Initech',
    });
  });

  it('locates the element of a labelled field', () => {
    const form = fixture('generic/2025-11-labelled-form.html').doc;
    expect(locateLabelledField(form, 'label:инн')?.getAttribute('name')).toBe('inn');
    expect(GENERIC_ADAPTER.locateField(form, 'label:этап')?.getAttribute('name')).toBe('stage');
    const rows = fixture('generic/2025-11-label-rows.html').doc;
    expect(locateLabelledField(rows, 'label:phone#2')?.textContent).toBe('+1 555 0199');
    expect(locateLabelledField(rows, 'label:next step')?.getAttribute('name')).toBe('next');
    expect(locateLabelledField(rows, 'label:nothing')).toBeNull();
  });

  it('claims no URL by itself and reads nothing from a page without a name', () => {
    expect(GENERIC_ADAPTER.matches(new URL('https://crm.example.test/deals/1'))).toBe(false);
    const blank = new DOMParser().parseFromString('<p>hello</p>', 'text/html');
    expect(GENERIC_ADAPTER.read(blank, new URL('https://crm.example.test/'))).toBeNull();
  });
});
