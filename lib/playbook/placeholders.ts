import type { ClientContext } from '../context/client-context';
import { isBlank } from './text-match';

/**
 * Script lines speak to the client: "{contact_first}, добрый день! Меня зовут {manager_first},
 * компания «{our_company}»". The engine fills what the card knows; a missing value stays a
 * visible gap (the panel shows it as a highlighted "[имя клиента]"), never an empty string
 * the manager would stumble over mid-sentence.
 */
export const PLACEHOLDERS = ['contact', 'contact_first', 'company', 'manager', 'manager_first', 'deal', 'our_company'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'value'; name: Placeholder; text: string }
  | { kind: 'missing'; name: Placeholder };

function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

function firstWord(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

/** The values the card gives: the first contact, the client's company, the deal's responsible manager. */
export function placeholderValues(ctx: ClientContext, ourCompany: string | undefined): PlaceholderValues {
  const values: PlaceholderValues = {};
  const put = (name: Placeholder, value: string | null | undefined) => {
    if (!isBlank(value)) values[name] = (value ?? '').trim();
  };
  const contact = ctx.contacts.find((c) => !isBlank(c.name))?.name;
  put('contact', contact);
  put('contact_first', contact === undefined ? undefined : firstWord(contact));
  put('company', ctx.company);
  put('manager', ctx.responsible);
  put('manager_first', ctx.responsible === null ? undefined : firstWord(ctx.responsible));
  put('deal', ctx.name);
  put('our_company', ourCompany);
  return values;
}

/** Splits a line into text, filled values and gaps; an unknown "{word}" stays as written. */
export function fillTemplate(text: string, values: PlaceholderValues): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  const pushText = (s: string) => {
    if (s === '') return;
    const prev = parts.at(-1);
    if (prev?.kind === 'text') prev.text += s;
    else parts.push({ kind: 'text', text: s });
  };
  for (const match of text.matchAll(/\{([a-z_]+)\}/g)) {
    const name = match[1] ?? '';
    pushText(text.slice(last, match.index));
    last = match.index + match[0].length;
    if (!isPlaceholder(name)) {
      pushText(match[0]);
      continue;
    }
    const value = values[name];
    parts.push(value === undefined ? { kind: 'missing', name } : { kind: 'value', name, text: value });
  }
  pushText(text.slice(last));
  return parts;
}
