import { z } from 'zod';

/**
 * Stable error codes the server answers with. Clients branch on `code`, never on `message`
 * (which is English prose for people reading logs) — so these strings never change meaning.
 */
export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  // 401 for a token past its expiry: the user needs a new token, not a retry.
  'token_expired',
  'forbidden',
  'not_found',
  'payload_too_large',
  'rate_limited',
  'conflict',
  'internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** One problem in a request, `path` naming where it is, e.g. `items.3.id`. */
export const ErrorDetailSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type ErrorDetail = z.infer<typeof ErrorDetailSchema>;

export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    details: z.array(ErrorDetailSchema).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

