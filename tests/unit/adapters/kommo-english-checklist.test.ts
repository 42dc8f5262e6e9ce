// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { AMOCRM_ADAPTER } from '../../../lib/adapters/amocrm';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { evaluate } from '../../../lib/playbook/engine';
import { fixture } from './fixtures';

/**
 * An English Kommo account: the card read from its page, put through the default playbook.
 * Fields that are filled on the card must count as filled, not "not on the page".
 */
describe('English Kommo card against the default playbook', () => {
  it('finds the filled fields by their English labels, and the stage without its time in stage', () => {
    const { doc, u } = fixture('amocrm/2025-11-kommo-lead-card-en.html');
    doc.querySelector('.pipeline-select-view__status')!.innerHTML =
      'Negotiation <span class="pipeline-select-view__status-from">(6 days)</span>';
    const context = AMOCRM_ADAPTER.read(doc, u)!;
    expect(context.stage).toBe('Negotiation');
    // The fixture's status id is a system one (won); match this card by the stage name.
    const model = evaluate(DEFAULT_PLAYBOOK, { ...context, stageId: null }, [], Date.UTC(2025, 10, 20));
    expect(model.stage.status).toBe('mapped');
    const byId = new Map(model.checklist.map((item) => [item.id, item]));
    for (const id of ['contact', 'lead_source', 'company', 'decision_maker', 'meeting_date', 'budget', 'proposal_date']) {
      if (byId.has(id)) expect(byId.get(id), id).toMatchObject({ filled: true });
    }
    expect(byId.get('meeting_date')).toMatchObject({ filled: true, fieldKey: 'cf:512306' });
  });
});
