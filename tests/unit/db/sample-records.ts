import type { ClientContext } from '../../../lib/context/client-context';
import { openDatabase, type SuflerDatabase } from '../../../lib/db/database';
import type { Touch } from '../../../lib/touches/touch';

let dbCount = 0;

/** A database of its own for each test, so no test sees another's rows. */
export function freshDatabase(): SuflerDatabase {
  dbCount += 1;
  return openDatabase(`sufler-test-${Date.now()}-${dbCount}`);
}

export function sampleContext(overrides: Partial<ClientContext> = {}): ClientContext {
  return {
    source: 'amocrm',
    account: 'acme.amocrm.ru',
    entity: 'lead',
    crmId: '1001',
    url: 'https://acme.amocrm.ru/leads/detail/1001',
    name: 'Поставка труб',
    pipeline: 'Продажи',
    stage: 'Первичный контакт',
    stageId: '142',
    budget: '',
    responsible: 'Ирина',
    company: 'ООО Трубы',
    contacts: [{ name: 'Пётр', phones: ['+7 900 000-00-00'], emails: [] }],
    fields: [],
    origin: 'dom',
    ...overrides,
  };
}

export function sampleTouch(overrides: Partial<Touch> = {}): Touch {
  return {
    id: '01JD000000000000000000000A',
    clientKey: 'amocrm:acme.amocrm.ru:lead:1001',
    kind: 'call',
    outcome: 'reached',
    comment: 'Договорились о встрече',
    at: 1_700_000_000_000,
    stageId: null,
    ...overrides,
  };
}
