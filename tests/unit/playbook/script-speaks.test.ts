import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { evaluate, hintApplies } from '../../../lib/playbook/engine';
import { parsePlaybook } from '../../../lib/playbook/parse-playbook';
import { fillTemplate, placeholderValues } from '../../../lib/playbook/placeholders';
import { chooseAnswer, startPath, walkAnswers, walkTouchPrefill } from '../../../lib/playbook/script-walk';
import { contact, field, makeContext, NOW } from './fixtures';

const VECTOR = makeContext({
  stage: 'Переговоры',
  company: 'ООО «Вектор»',
  responsible: 'Ирина Соколова',
  contacts: [contact(['+7 912 345-67-89'], [], 'Андрей Петров')],
});

describe('placeholders', () => {
  it('fills the contact, company and manager from the card', () => {
    const values = placeholderValues(VECTOR, 'Суфлёр-Трейд');
    const parts = fillTemplate('{contact_first}, добрый день! Это {manager_first}, компания «{our_company}». Звоню {company}.', values);
    expect(parts.map((p) => (p.kind === 'missing' ? `[${p.name}]` : p.text)).join('')).toBe(
      'Андрей, добрый день! Это Ирина, компания «Суфлёр-Трейд». Звоню ООО «Вектор».',
    );
  });

  it('leaves a visible gap for what the card does not know, and unknown braces as written', () => {
    const values = placeholderValues(makeContext({ contacts: [contact([], [], '  ')] }), undefined);
    expect(fillTemplate('{contact}, {our_company} {unknown}', values)).toEqual([
      { kind: 'missing', name: 'contact' },
      { kind: 'text', text: ', ' },
      { kind: 'missing', name: 'our_company' },
      { kind: 'text', text: ' {unknown}' },
    ]);
  });

  it('gives the engine’s model the values, so the default scripts greet the client by name', () => {
    const model = evaluate(DEFAULT_PLAYBOOK, VECTOR, [], NOW);
    expect(model.placeholders).toMatchObject({ contact_first: 'Андрей', manager_first: 'Ирина', company: 'ООО «Вектор»' });
    const start = model.script?.nodes[model.script.start];
    expect(start?.say.ru).toContain('{contact_first}, добрый день! Это {manager_first}');
  });

  it('lets a team name its own company in the playbook', () => {
    const parsed = parsePlaybook({ ...structuredClone(DEFAULT_PLAYBOOK), ourCompany: 'Суфлёр-Трейд' });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(evaluate(parsed.playbook, VECTOR, [], NOW).placeholders.our_company).toBe('Суфлёр-Трейд');
  });
});

describe('hint conditions', () => {
  it('hides "move the deal to Negotiation" on a deal already there, and shows it before', () => {
    const hintAt = (stage: string) => {
      const model = evaluate(DEFAULT_PLAYBOOK, makeContext({ stage }), [], NOW);
      return model.allScripts?.find((s) => s.id === 'proposal_follow_up')?.nodes['goal_contract']?.hint ?? null;
    };
    expect(hintAt('КП отправлено')?.ru).toContain('«Переговоры»');
    expect(hintAt('Переговоры')).toBeNull();
  });

  it('shows a "fill in X" hint only while X is empty', () => {
    const hintWith = (fields: ReturnType<typeof field>[]) => {
      const model = evaluate(DEFAULT_PLAYBOOK, makeContext({ stage: 'КП отправлено', fields }), [], NOW);
      return model.script?.nodes['goal_follow_up_date']?.hint ?? null;
    };
    expect(hintWith([field('Дата следующего шага', '')])).not.toBeNull();
    expect(hintWith([field('Дата следующего шага', '12.03.2026')])).toBeNull();
  });

  it('applies every constraint together', () => {
    const facts = { stageId: 'negotiation', emptyFields: new Set(['budget']) };
    expect(hintApplies(undefined, facts)).toBe(true);
    expect(hintApplies({ stageIn: ['negotiation'], fieldEmpty: ['budget'] }, facts)).toBe(true);
    expect(hintApplies({ stageIn: ['negotiation'], fieldEmpty: ['need'] }, facts)).toBe(false);
    expect(hintApplies({ stageIn: ['lead'] }, { stageId: null, emptyFields: new Set() })).toBe(false);
  });

  it('rejects a playbook whose hint condition names an unknown stage or field', () => {
    const pb = structuredClone(DEFAULT_PLAYBOOK);
    const node = pb.scripts[0]!.nodes[pb.scripts[0]!.start]!;
    node.hintWhen = { stageNot: ['pricing'], fieldEmpty: ['shoe_size'] };
    const parsed = parsePlaybook(pb);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors.join('\n')).toContain('unknown stage "pricing"');
      expect(parsed.errors.join('\n')).toContain('unknown field "shoe_size"');
    }
  });
});

describe('the walk’s answers become the touch', () => {
  it('keeps the answers chosen and pre-fills a call with the goal’s outcome', () => {
    const model = evaluate(DEFAULT_PLAYBOOK, makeContext({ stage: 'Первичный контакт' }), [], NOW);
    const script = model.allScripts?.find((s) => s.id === 'cold_call');
    if (!script) throw new Error('no cold call script');
    let path = startPath(script);
    expect(walkTouchPrefill(script, path, 'ru')).toEqual({ kind: 'call', outcome: null, comment: 'Холодный звонок' });
    path = chooseAnswer(script, path, 2); // the person is out
    path = chooseAnswer(script, path, 0); // named a time
    expect(walkAnswers(script, path).map((a) => a.ru)).toEqual(['Ответственного нет на месте', 'Назвали время']);
    expect(walkTouchPrefill(script, path, 'en')).toEqual({
      kind: 'call',
      outcome: 'callback',
      comment: 'Cold call: The person is out → Named a time',
    });
  });
});
