/**
 * `application/x-www-form-urlencoded` bodies (Yandex, Mail.ru), read and changed without
 * re-serialising: a changed field is the only part of the string that differs afterwards, so
 * everything else the webmail wrote (order, `%20` or `+`, empty fields, `&&`) goes out as it was.
 * Nothing here throws: a malformed field reads as null.
 */
export interface FormField {
  name: string;
  /** Offsets of the raw value in the body (after `=`). */
  start: number;
  end: number;
}

/** Bodies larger than this are not read: no letter is that large, a hostile page may be. */
export const MAX_FORM_BODY = 32 * 1024 * 1024;

function decodeComponent(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Every field of the body in order; null for a body that is not a string or too large. */
export function formFields(body: string): FormField[] | null {
  if (typeof body !== 'string' || body.length > MAX_FORM_BODY) return null;
  const fields: FormField[] = [];
  let at = 0;
  while (at <= body.length) {
    let amp = body.indexOf('&', at);
    if (amp < 0) amp = body.length;
    const eq = body.indexOf('=', at);
    if (amp > at) {
      const hasValue = eq >= 0 && eq < amp;
      const name = decodeComponent(body.slice(at, hasValue ? eq : amp));
      if (name !== null) fields.push({ name, start: hasValue ? eq + 1 : amp, end: amp });
    }
    at = amp + 1;
  }
  return fields;
}

/** The one field named `name`: null when absent, repeated (ambiguous) or undecodable. */
function single(body: string, fields: FormField[], name: string): { field: FormField; value: string } | null {
  const found = fields.filter((f) => f.name === name);
  if (found.length !== 1) return null;
  const value = decodeComponent(body.slice(found[0]!.start, found[0]!.end));
  return value === null ? null : { field: found[0]!, value };
}

/** Decoded values of the named fields; a field that is absent, repeated or malformed is missing. */
export function readFormFields(body: string, names: readonly string[]): Map<string, string> | null {
  const fields = formFields(body);
  if (fields === null) return null;
  const out = new Map<string, string>();
  for (const name of names) {
    const one = single(body, fields, name);
    if (one !== null) out.set(name, one.value);
  }
  return out;
}

/** Lone surrogates become U+FFFD, so encoding never throws. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** One value encoded as browsers' URLSearchParams do (space as `+`, only `*-._` left bare). */
export function encodeFormComponent(value: string): string {
  return encodeURIComponent(wellFormed(value))
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

/** Name–value pairs (a FormData's string entries) as a body string. */
export function formBodyFromEntries(entries: Iterable<readonly [string, string]>): string {
  return [...entries].map(([name, value]) => `${encodeFormComponent(name)}=${encodeFormComponent(value)}`).join('&');
}

/**
 * The body with field `name` replaced by `change(oldValue)`; null when the field is absent,
 * repeated or malformed, or `change` returns null. Every other byte stays as it was.
 */
export function replaceFormField(body: string, name: string, change: (value: string) => string | null): string | null {
  const fields = formFields(body);
  if (fields === null) return null;
  const one = single(body, fields, name);
  if (one === null) return null;
  const next = change(one.value);
  if (next === null) return null;
  const { start, end } = one.field;
  // A field written without `=` gets one, so the new value is a value and not part of the name.
  const eq = start === end && body[start - 1] !== '=' ? '=' : '';
  return `${body.slice(0, start)}${eq}${encodeFormComponent(next)}${body.slice(end)}`;
}
