import { createHash } from 'node:crypto';

/**
 * Hash of a payload after zod parsing. zod emits keys in schema order, so the same content
 * always serialises the same way and "same id, same content" is one string comparison.
 */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
