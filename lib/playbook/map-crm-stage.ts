import { normalizeStageName } from './engine';
import type { Playbook } from './schema';

/**
 * The head's one-click mapping: the CRM stage `name` seen in CRM `source` becomes one of the
 * names of playbook stage `stageId`. A name belongs to one stage per CRM (the schema refuses
 * two), so it is taken off any other stage's list for that CRM first. Pure: returns a copy.
 */
export function mapCrmStage(playbook: Playbook, stageId: string, source: string, name: string): Playbook {
  const key = normalizeStageName(name);
  if (key === '' || !playbook.stages.some((s) => s.id === stageId)) return playbook;
  const stages = playbook.stages.map((stage) => {
    const lists = { ...(stage.crmStages ?? {}) };
    const own = (Object.hasOwn(lists, source) ? (lists[source] ?? []) : []).filter((n) => normalizeStageName(n) !== key);
    if (stage.id === stageId) own.push(name.trim());
    if (own.length > 0) lists[source] = own;
    else delete lists[source];
    const { crmStages: _old, ...rest } = stage;
    return Object.keys(lists).length > 0 ? { ...rest, crmStages: lists } : rest;
  });
  return { ...playbook, stages };
}
