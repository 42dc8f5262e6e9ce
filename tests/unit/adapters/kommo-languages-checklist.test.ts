// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { AMOCRM_ADAPTER } from '../../../lib/adapters/amocrm';
import { buildChecklist, pageFieldKey } from '../../../lib/playbook/checklist';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import type { Playbook } from '../../../lib/playbook/schema';
import { KOMMO_UI_CARDS, kommoCardIn, type KommoUiCard } from './kommo-ui-languages';

/**
 * Kommo ships its UI in English, Spanish, Portuguese (Brazil), Turkish, Indonesian and
 * Russian. On a card in each, the stage must read without its time in stage, and the
 * required fields filled on the card must count as filled: by their stable ids where the
 * playbook names them, and by labels in the card's language otherwise.
 */
/** Stages whose requirements cover the fields these cards carry. */
const STAGES = ['lead', 'qualification', 'meeting_booked', 'proposal_sent', 'handed_over'];

function checklistOf(playbook: Playbook, card: KommoUiCard) {
  const { doc, u } = kommoCardIn(card);
  const context = AMOCRM_ADAPTER.read(doc, u)!;
  const items = new Map(STAGES.flatMap((s) => buildChecklist(playbook, s, context)).map((i) => [i.id, i]));
  return { context, items };
}

describe.each(KOMMO_UI_CARDS)('a Kommo card in the $lang UI', (card) => {
  it('reads the stage name without the time in stage, and its stage id', () => {
    const { context } = checklistOf(DEFAULT_PLAYBOOK, card);
    expect(context.stage).toBe(card.stage);
    expect(context.pipeline).toBe(card.pipeline);
    expect(context.stageId).toBe('77002');
  });

  it('counts the required fields filled on the card as filled, by their labels in this language', () => {
    const { items } = checklistOf(DEFAULT_PLAYBOOK, card);
    expect(items.get('contact')).toMatchObject({ filled: true });
    expect(items.get('lead_source')).toMatchObject({ filled: true, fieldKey: 'cf:512302', value: 'Referral' });
    expect(items.get('decision_maker')).toMatchObject({ filled: true, fieldKey: 'cf:512307' });
    expect(items.get('meeting_date')).toMatchObject({ filled: true, fieldKey: 'cf:512306' });
    expect(items.get('proposal_date')).toMatchObject({ filled: true, fieldKey: 'cf:512309' });
    expect(items.get('budget')).toMatchObject({ filled: true, fieldKey: 'budget' });
    expect(items.get('client_segment')).toMatchObject({ filled: true, fieldKey: 'cf:512301' });
    // Filled nowhere on the card: still listed as missing, not found by a wrong label.
    expect(items.get('need')).toMatchObject({ filled: false, fieldKey: null });
  });

  it('finds a field by its stable id first, whatever its label says', () => {
    const playbook: Playbook = {
      ...DEFAULT_PLAYBOOK,
      fields: DEFAULT_PLAYBOOK.fields.map((f) =>
        // A team's own label nobody's card uses, and the field's form name from the account.
        f.id === 'need' ? { ...f, aliases: ['Kundenbedarf'], keys: ['CFV[512307]'] } : f,
      ),
    };
    const { items } = checklistOf(playbook, card);
    expect(items.get('need')).toMatchObject({ filled: true, fieldKey: 'cf:512307', value: 'Hank Scorpio' });
    // One CRM field answers one requirement: the id took it, so the label match does not.
    expect(items.get('decision_maker')).toMatchObject({ filled: false });
  });
});

describe('stable field ids', () => {
  it('are page field keys, or the form control name of a custom field', () => {
    expect(pageFieldKey('CFV[512306]')).toBe('cf:512306');
    expect(pageFieldKey(' cfv[7] ')).toBe('cf:7');
    expect(pageFieldKey('cf:512306')).toBe('cf:512306');
    expect(pageFieldKey('budget')).toBe('budget');
    expect(pageFieldKey('CFV[12][0][VALUE]')).toBe('CFV[12][0][VALUE]');
  });
});
