import type { ClientContext, Contact, PageField } from '../../../lib/context/client-context';
import type { Touch } from '../../../lib/touches/touch';

/** A deal card as an amoCRM adapter would read it; tests override only what they exercise. */
export function makeContext(overrides: Partial<ClientContext> = {}): ClientContext {
  return {
    source: 'amocrm',
    account: 'acme.amocrm.ru',
    entity: 'lead',
    crmId: '1001',
    url: 'https://acme.amocrm.ru/leads/detail/1001',
    name: 'Поставка оборудования',
    pipeline: 'Воронка',
    stage: 'Первичный контакт',
    stageId: '142',
    budget: '',
    responsible: null,
    company: null,
    contacts: [],
    fields: [],
    origin: 'dom',
    ...overrides,
  };
}

export function contact(phones: string[] = [], emails: string[] = [], name = 'Иван Петров'): Contact {
  return { name, phones, emails };
}

let fieldSeq = 0;
export function field(label: string, value: string, key?: string): PageField {
  fieldSeq += 1;
  return { key: key ?? `cf:${500000 + fieldSeq}`, label, value };
}

export const DAY = 86_400_000;
/** A fixed "now" so no test depends on the clock: 2026-03-02 12:00 UTC. */
export const NOW = Date.UTC(2026, 2, 2, 12, 0, 0);

let touchSeq = 0;
export function makeTouch(overrides: Partial<Touch> = {}): Touch {
  touchSeq += 1;
  return {
    id: `01HTOUCH${String(touchSeq).padStart(10, '0')}`,
    clientKey: 'amocrm:acme.amocrm.ru:lead:1001',
    kind: 'call',
    outcome: 'reached',
    comment: '',
    at: NOW - DAY,
    stageId: null,
    ...overrides,
  };
}
