import { z } from 'zod';
import { TEXT_LIMITS, boundedText } from '../wire/bounded-text';
import type { Playbook } from './schema';

const Name = z.object({ ru: boundedText(TEXT_LIMITS.name), en: boundedText(TEXT_LIMITS.name) });

/**
 * What a newly pulled team playbook changed, for the panel's one line: stages added and
 * removed, scripts whose text or links changed, objections added or changed.
 */
export const PlaybookChangeSchema = z.object({
  stagesAdded: z.array(Name).max(500),
  stagesRemoved: z.array(Name).max(500),
  scriptsChanged: z.array(Name).max(500),
  objectionsChanged: z.number().int().nonnegative(),
});
export type PlaybookChange = z.infer<typeof PlaybookChangeSchema>;

/** The notice the panel shows until the manager dismisses it. */
export const PlaybookNoticeSchema = z.object({
  version: z.number().int().positive(),
  change: PlaybookChangeSchema,
  dismissed: z.boolean(),
});
export type PlaybookNotice = z.infer<typeof PlaybookNoticeSchema>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Pure: compares two playbooks by the ids of their parts. */
export function playbookChange(before: Playbook, after: Playbook): PlaybookChange {
  const beforeStages = new Set(before.stages.map((s) => s.id));
  const afterStages = new Set(after.stages.map((s) => s.id));
  const beforeScripts = new Map(before.scripts.map((s) => [s.id, s] as const));
  const beforeObjections = new Map(before.objections.map((o) => [o.id, o] as const));
  return {
    stagesAdded: after.stages.filter((s) => !beforeStages.has(s.id)).map((s) => s.name),
    stagesRemoved: before.stages.filter((s) => !afterStages.has(s.id)).map((s) => s.name),
    scriptsChanged: after.scripts.filter((s) => !same(beforeScripts.get(s.id), s)).map((s) => s.title),
    objectionsChanged: after.objections.filter((o) => !same(beforeObjections.get(o.id), o)).length,
  };
}
