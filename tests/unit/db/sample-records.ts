import type { ClientContext } from '../../../lib/context/client-context';
import { openDatabase, type SuflerDatabase } from '../../../lib/db/database';
import type { Touch } from '../../../lib/touches/touch';
import { makeContext, makeTouch } from '../playbook/fixtures';

let dbCount = 0;

/** A database of its own for each test, so no test sees another's rows. */
export function freshDatabase(): SuflerDatabase {
  dbCount += 1;
  return openDatabase(`sufler-test-${Date.now()}-${dbCount}`);
}

export function sampleContext(overrides: Partial<ClientContext> = {}): ClientContext {
  return makeContext({
    name: 'Поставка труб',
    pipeline: 'Продажи',
    responsible: 'Ирина',
    company: 'ООО Трубы',
    contacts: [{ name: 'Пётр', phones: ['+7 900 000-00-00'], emails: [] }],
    ...overrides,
  });
}

export function sampleTouch(overrides: Partial<Touch> = {}): Touch {
  return makeTouch({ id: '01JD000000000000000000000A', comment: 'Договорились о встрече', at: 1_700_000_000_000, ...overrides });
}
