import { z } from 'zod';
import { MeResponseSchema } from '../wire/me';

/**
 * Requests only the extension's own pages may send with runtime.sendMessage, answered with a
 * value (the hub port's acks carry none). The background checks the sender before it parses.
 */
export const PageRequestSchema = z.discriminatedUnion('type', [
  /** Options page, "Test connection": who does this token belong to on that server? */
  z.object({ type: z.literal('sync:test'), serverUrl: z.string().max(2048), token: z.string().max(200) }),
]);
export type PageRequest = z.infer<typeof PageRequestSchema>;

export const TestConnectionAnswerSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), me: MeResponseSchema }),
  /** `code` is a SyncFailureCode (or 'bad_url'); the page maps it to ru/en text. */
  z.object({ ok: z.literal(false), failure: z.object({ code: z.string().max(64), message: z.string().max(2000) }) }),
]);
export type TestConnectionAnswer = z.infer<typeof TestConnectionAnswerSchema>;
