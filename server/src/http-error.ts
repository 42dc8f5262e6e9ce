import type { ErrorCode, ErrorDetail } from '../../lib/wire/errors';

/** An error a handler throws on purpose; the error handler turns it into the JSON body. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
  }
}
