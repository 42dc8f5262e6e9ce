import type { z } from 'zod';
import { PlaybookSchema, type Playbook } from './schema';

export type ParsePlaybookResult = { ok: true; playbook: Playbook } | { ok: false; errors: string[] };

/**
 * Checks a playbook a sales head imports (an object or the JSON text of one). Every problem is
 * one line naming where it is and what is wrong, e.g.
 * `stages[3].requiredFields[1]: unknown field "budjet"` — so the file can be fixed by hand.
 * Cross-references (unknown ids, script links) are checked once the file's shape is right, so a
 * badly broken file first lists its shape problems, then, when those are fixed, the links.
 */
export function parsePlaybook(input: unknown): ParsePlaybookResult {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (e) {
      return { ok: false, errors: [`not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
    }
  }
  const parsed = PlaybookSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return { ok: true, playbook: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => `${formatPath(issue.path) || '(playbook)'}: ${describe(issue)}`) };
}

/** `stages[3].requiredFields[1]`, `scripts[0].nodes.start.say.ru`; odd keys are quoted. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$-]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

/** zod's own wording, made plain for the cases people hit when editing a file by hand. */
function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : `expected ${issue.expected}, got ${typeName(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return 'must not be empty';
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item(s)`;
      return issue.message;
    case 'invalid_value':
      if (issue.values.length === 1) return `must be ${JSON.stringify(issue.values[0])}`;
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown key(s): ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
