import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import { parsePlaybook } from '../../../lib/playbook/parse-playbook';
import type { Playbook } from '../../../lib/playbook/schema';

/** A deep copy of the default playbook, loosely typed so a test can break it on purpose. */
function editable(): any {
  return structuredClone(DEFAULT_PLAYBOOK);
}

function errorsOf(input: unknown): string[] {
  const result = parsePlaybook(input);
  if (result.ok) throw new Error('expected the playbook to be rejected');
  return result.errors;
}

function indexOf(list: { id: string }[], id: string): number {
  const i = list.findIndex((x) => x.id === id);
  if (i < 0) throw new Error(`no ${id} in the default playbook`);
  return i;
}

describe('default playbook', () => {
  it('passes parsePlaybook, cross-references included', () => {
    const result = parsePlaybook(DEFAULT_PLAYBOOK);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('round-trips through JSON text, as a team would export and import it', () => {
    const result = parsePlaybook(JSON.stringify(DEFAULT_PLAYBOOK));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.playbook).toEqual(DEFAULT_PLAYBOOK);
  });

  it('covers the funnel from lead to growth, with a won and a lost end and requirements at every stage', () => {
    const pb: Playbook = DEFAULT_PLAYBOOK;
    expect(pb.stages.length).toBeGreaterThanOrEqual(9);
    expect(pb.stages.filter((s) => s.terminal === 'won')).toHaveLength(1);
    const lost = pb.stages.filter((s) => s.terminal === 'lost');
    expect(lost).toHaveLength(1);
    expect(lost[0]?.requiredFields).toContain('loss_reason');
    for (const stage of pb.stages) expect(stage.requiredFields.length, stage.id).toBeGreaterThan(0);
  });

  it('ships branching scripts of at least five nodes, each reaching a goal', () => {
    expect(DEFAULT_PLAYBOOK.scripts.map((s) => s.id)).toEqual(
      expect.arrayContaining(['cold_call', 'inbound_qualification', 'book_meeting', 'proposal_follow_up', 'vip_invitation']),
    );
    for (const script of DEFAULT_PLAYBOOK.scripts) {
      const nodes = Object.values(script.nodes);
      expect(nodes.length, script.id).toBeGreaterThanOrEqual(5);
      expect(nodes.some((n) => n.goal), script.id).toBe(true);
      expect(nodes.some((n) => n.answers.length >= 2), script.id).toBe(true);
    }
  });

  it('answers at least eight objections with two or three answers each', () => {
    expect(DEFAULT_PLAYBOOK.objections.length).toBeGreaterThanOrEqual(8);
    for (const o of DEFAULT_PLAYBOOK.objections) {
      expect(o.answers.length, o.id).toBeGreaterThanOrEqual(2);
      expect(o.answers.length, o.id).toBeLessThanOrEqual(3);
    }
  });
});

describe('parsePlaybook errors name the path and the problem', () => {
  it('reports a script answer leading to a node that does not exist', () => {
    const pb = editable();
    const si = indexOf(pb.scripts, 'book_meeting');
    pb.scripts[si].nodes.propose.answers[1].next = 'nowhere';
    expect(errorsOf(pb)).toContain(`scripts[${si}].nodes.propose.answers[1].next: unknown node "nowhere"`);
  });

  it('reports a required field id that is not among the fields', () => {
    const pb = editable();
    pb.stages[3].requiredFields.push('budjet');
    const at = pb.stages[3].requiredFields.length - 1;
    expect(errorsOf(pb)).toContain(`stages[3].requiredFields[${at}]: unknown field "budjet"`);
  });

  it('reports missing Russian text', () => {
    const pb = editable();
    delete pb.scripts[0].nodes[pb.scripts[0].start].say.ru;
    expect(errorsOf(pb)).toEqual([`scripts[0].nodes.${pb.scripts[0].start}.say.ru: required`]);
  });

  it('reports empty English text', () => {
    const pb = editable();
    pb.stages[0].goal.en = '';
    expect(errorsOf(pb)).toEqual(['stages[0].goal.en: must not be empty']);
  });

  it('reports a node nothing leads to', () => {
    const pb = editable();
    const si = indexOf(pb.scripts, 'inbound_qualification');
    pb.scripts[si].nodes.orphan = { say: { ru: 'Текст', en: 'Text' }, goal: true, answers: [] };
    expect(errorsOf(pb)).toEqual([`scripts[${si}].nodes.orphan: unreachable from the start node "greet"`]);
  });

  it('reports a start node that does not exist', () => {
    const pb = editable();
    pb.scripts[0].start = 'hello';
    pb.scripts[0].nodes.hello_there = { say: 7, answers: [] };
    // Shape problems come first; the links are checked once the shape is right.
    expect(errorsOf(pb)).toEqual(['scripts[0].nodes.hello_there.say: expected object, got number']);
    delete pb.scripts[0].nodes.hello_there;
    expect(errorsOf(pb)).toContain('scripts[0].start: unknown node "hello"');
  });

  it('reports a goal node with answers and a dead end that is not a goal', () => {
    const pb = editable();
    const si = indexOf(pb.scripts, 'vip_invitation');
    pb.scripts[si].nodes.goal_meeting.answers = [{ label: { ru: 'Ещё', en: 'More' }, next: 'intro' }];
    pb.scripts[si].nodes.value.answers = [];
    const errors = errorsOf(pb);
    expect(errors).toContain(`scripts[${si}].nodes.goal_meeting.answers: a goal node ends the script and must have no answers`);
    expect(errors).toContain(`scripts[${si}].nodes.value.answers: needs at least one answer, or mark the node as a goal`);
  });

  it('reports bad JSON text as such, with the position', () => {
    const errors = errorsOf('{"version": 1, "id": "x",');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^not valid JSON: .*position \d+/);
  });

  it('reports references to unknown scripts, stages and roles', () => {
    const pb = editable();
    pb.stages[1].scriptId = 'no_such_script';
    pb.stages[2].role = 'wizard';
    const oi = indexOf(pb.objections, 'too_expensive');
    pb.objections[oi].stages = ['proposal_sent', 'pricing'];
    const errors = errorsOf(pb);
    expect(errors).toContain('stages[1].scriptId: unknown script "no_such_script"');
    expect(errors).toContain('stages[2].role: unknown role "wizard"');
    expect(errors).toContain(`objections[${oi}].stages[1]: unknown stage "pricing"`);
  });

  it('lets a stage inherit only from an earlier stage, so chains cannot loop', () => {
    const pb = editable();
    const lost = indexOf(pb.stages, 'lost');
    pb.stages[lost].inheritFrom = 'growth';
    pb.stages[0].inheritFrom = 'ghost';
    const errors = errorsOf(pb);
    expect(errors).toContain(`stages[${lost}].inheritFrom: must name an earlier stage, "growth" is not before "lost"`);
    expect(errors).toContain('stages[0].inheritFrom: unknown stage "ghost"');
  });

  it('refuses one CRM stage name mapped to two stages, whatever its case', () => {
    const pb = editable();
    pb.stages[1].crmNames.push('  ПЕРЕГОВОРЫ ');
    const at = pb.stages[1].crmNames.length - 1;
    const negotiation = indexOf(pb.stages, 'negotiation');
    // The first stage in order keeps the name; the later one is flagged.
    expect(errorsOf(pb)).toContain(`stages[${negotiation}].crmNames[0]: "Переговоры" is already mapped to stage "qualification"`);
    expect(errorsOf(pb).some((e) => e.startsWith(`stages[1].crmNames[${at}]`))).toBe(false);
  });

  it('requires exactly one default segment', () => {
    const pb = editable();
    pb.segments = pb.segments.filter((s: { match: { by: string } }) => s.match.by !== 'default');
    expect(errorsOf(pb)).toEqual(['segments: exactly one segment must match by "default", found 0']);
  });

  it('reports duplicate ids and a wrong version', () => {
    const pb = editable();
    pb.objections[1].id = pb.objections[0].id;
    expect(errorsOf(pb)).toEqual([`objections[1].id: duplicate id "${pb.objections[0].id}"`]);
    expect(errorsOf({ ...editable(), version: 2 })).toEqual(['version: must be 1']);
  });

  it('reports a missing section rather than throwing', () => {
    const { stages: _stages, ...rest } = editable();
    expect(errorsOf(rest)).toEqual(['stages: required']);
    expect(errorsOf(null)).toEqual(['(playbook): expected object, got null']);
  });
});
