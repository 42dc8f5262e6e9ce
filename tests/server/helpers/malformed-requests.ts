import { DEFAULT_PLAYBOOK } from '../../../lib/playbook/default-playbook';
import type { Item } from './sync-fixtures';

/** A small seeded PRNG (mulberry32): the same seed gives the same requests on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BadRequest {
  label: string;
  method: 'GET' | 'POST';
  url: string;
  /** The raw body, already serialised (some are not JSON at all). */
  body?: string;
  contentType?: string;
  as: 'manager' | 'head';
}

type Path = (string | number)[];

function nest(depth: number, leaf: unknown, asArray: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

const WEIRD_STRINGS = ['', ' ', '😀'.repeat(40), '\u202Eevil', 'a\u0000b', 'zero\u200Bwidth', 'ё'.repeat(300), '<script>', "'; DROP TABLE touches; --"];

/** Values that are the wrong thing wherever they are put in the envelope. */
function wrongValue(rand: () => number, path: Path): { label: string; value: unknown } {
  const isPayload = path[path.length - 1] === 'payload';
  const options: { label: string; value: () => unknown }[] = [
    { label: 'number', value: () => Math.floor(rand() * 1e6) },
    { label: 'negative number', value: () => -1 - Math.floor(rand() * 1e9) },
    { label: 'float', value: () => rand() * -1e308 },
    { label: 'boolean', value: () => rand() < 0.5 },
    { label: 'null', value: () => null },
    { label: 'array', value: () => [1, 'two', null] },
    { label: 'deep array', value: () => nest(500 + Math.floor(rand() * 3000), 1, true) },
    { label: 'huge string', value: () => 'x'.repeat(50_000 + Math.floor(rand() * 200_000)) },
    { label: 'weird string', value: () => WEIRD_STRINGS[Math.floor(rand() * WEIRD_STRINGS.length)] },
  ];
  // An object is a valid payload container (its content is checked per item), so not there.
  if (!isPayload) {
    options.push({ label: 'object', value: () => ({ x: 1 }) });
    options.push({ label: 'deep object', value: () => nest(500 + Math.floor(rand() * 3000), 'x', false) });
  }
  const pick = options[Math.floor(rand() * options.length)] ?? options[0]!;
  return { label: pick.label, value: pick.value() };
}

function setAt(root: unknown, path: Path, value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy: Record<string | number, unknown> | unknown[] = Array.isArray(root) ? [...root] : { ...(root as Record<string, unknown>) };
  const key = head as string & number;
  if (rest.length === 0 && remove) {
    if (Array.isArray(copy)) copy.splice(key, 1);
    else delete copy[key];
    return copy;
  }
  (copy as Record<string | number, unknown>)[key] = setAt((copy as Record<string | number, unknown>)[key], rest, value, remove);
  return copy;
}

/**
 * Requests built by mutating valid ones: wrong types, missing fields, huge strings, deep
 * nesting, odd unicode, negative numbers, arrays for objects, broken JSON, wrong content types,
 * oversized bodies, bad pull queries and bad playbooks. Every one must get a 4xx.
 */
export function malformedRequests(seed: number, count: number, validItems: () => Item[]): BadRequest[] {
  const rand = seededRandom(seed);
  const out: BadRequest[] = [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] ?? xs[0]!;
  while (out.length < count) {
    const roll = rand();
    if (roll < 0.6) {
      const items = validItems();
      const request = { deviceId: 'fuzz-device', items };
      const i = Math.floor(rand() * items.length);
      const path: Path = pick<Path>([[], ['deviceId'], ['items'], ['items', i], ['items', i, 'id'], ['items', i, 'entity'], ['items', i, 'op'], ['items', i, 'payload']]);
      const remove = path.length > 0 && path[0] !== 'items' ? rand() < 0.3 : path.length > 1 && rand() < 0.3 && path.length !== 2;
      const { label, value } = wrongValue(rand, path);
      const mutated = setAt(request, path, value, remove);
      out.push({ label: `push ${path.join('.') || '(root)'} ${remove ? 'missing' : label}`, method: 'POST', url: '/api/sync/push', body: JSON.stringify(mutated), as: 'manager' });
    } else if (roll < 0.75) {
      const text = JSON.stringify({ deviceId: 'fuzz-device', items: validItems() });
      const kind = pick(['truncated', 'garbage', 'empty', 'application/xml', 'proto', 'oversized', 'items over 500'] as const);
      const base = { method: 'POST' as const, url: '/api/sync/push', as: 'manager' as const };
      if (kind === 'truncated') out.push({ ...base, label: kind, body: text.slice(0, Math.floor(rand() * (text.length - 1))) });
      else if (kind === 'garbage') out.push({ ...base, label: kind, body: `{${'"\\'.repeat(1 + Math.floor(rand() * 50))}` });
      else if (kind === 'empty') out.push({ ...base, label: kind, body: '' });
      else if (kind === 'application/xml') out.push({ ...base, label: kind, body: text, contentType: 'application/xml' });
      else if (kind === 'proto') out.push({ ...base, label: kind, body: `{"__proto__":{"admin":true},"deviceId":"d","items":${JSON.stringify(validItems())}}` });
      else if (kind === 'oversized') out.push({ ...base, label: kind, body: JSON.stringify({ deviceId: 'd', items: validItems(), pad: 'x'.repeat(1_100_000) }) });
      else {
        const many: Item[] = [];
        while (many.length <= 500) many.push(...validItems());
        out.push({ ...base, label: kind, body: JSON.stringify({ deviceId: 'd', items: many.slice(0, 501 + Math.floor(rand() * 50)) }) });
      }
    } else if (roll < 0.9) {
      const param = pick([
        ['cursor', pick(['abc', '-1', '1.5', '9'.repeat(40), ' 1', '١٢٣'])],
        ['limit', pick(['0', '-5', '1000000', 'x', '1e3', '2.5', ''])],
        ['deviceId', pick(['a b', '😀', 'x'.repeat(65), '../etc'])],
      ] as const);
      out.push({ label: `pull ${param[0]}=${param[1].slice(0, 20)}`, method: 'GET', url: `/api/sync/pull?${param[0]}=${encodeURIComponent(param[1])}`, as: 'manager' });
    } else {
      const playbook = JSON.parse(JSON.stringify(DEFAULT_PLAYBOOK)) as Record<string, unknown>;
      const keys = Object.keys(playbook);
      const body = pick([
        () => ({ playbook: setAt(playbook, [pick(keys)], wrongValue(rand, ['x']).value, rand() < 0.3) }),
        () => ({ playbook: wrongValue(rand, ['payload']).value }),
        () => ({}),
        () => [playbook],
      ])();
      out.push({ label: 'playbook', method: 'POST', url: '/api/playbooks', body: JSON.stringify(body), as: 'head' });
    }
  }
  return out;
}
