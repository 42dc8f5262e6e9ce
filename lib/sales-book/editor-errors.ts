import { parsePlaybook } from '../playbook/parse-playbook';
import type { Playbook } from '../playbook/schema';

/** The schema's problems by the path they name (`stages[0].name.ru`), for showing each at its field. */
export type ErrorsByPath = ReadonlyMap<string, readonly string[]>;

export interface EditorCheck {
  playbook: Playbook | null;
  errors: ErrorsByPath;
  count: number;
}

/** parsePlaybook's lines are `path: message`; '(playbook)' names the whole file. */
export function checkDraft(draft: unknown): EditorCheck {
  const result = parsePlaybook(draft);
  if (result.ok) return { playbook: result.playbook, errors: new Map(), count: 0 };
  const errors = new Map<string, string[]>();
  for (const line of result.errors) {
    const cut = line.indexOf(': ');
    const path = cut < 0 ? '' : line.slice(0, cut);
    const message = cut < 0 ? line : line.slice(cut + 2);
    const key = path === '(playbook)' ? '' : path;
    errors.set(key, [...(errors.get(key) ?? []), message]);
  }
  return { playbook: null, errors, count: result.errors.length };
}

/**
 * The problems at `path`, and with `deep` those under it too (a list's items, a text's
 * languages), each with the rest of its path so `crmNames[2]` says which line is wrong.
 */
export function errorsAt(errors: ErrorsByPath, path: string, deep = false): string[] {
  const out: string[] = [];
  for (const [at, messages] of errors) {
    if (at === path) out.push(...messages);
    else if (deep && (at.startsWith(`${path}[`) || at.startsWith(`${path}.`))) {
      const rest = at.slice(path.length).replace(/^\./, '');
      out.push(...messages.map((m) => `${rest}: ${m}`));
    }
  }
  return out;
}
