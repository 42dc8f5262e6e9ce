import { createHmac, randomBytes } from 'node:crypto';

/** A new bearer token: 32 random bytes, base64url. Shown once; only its hash is stored. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * HMAC-SHA256 under the server secret: a stolen database alone cannot be used to check
 * guessed tokens, and lookup stays one indexed equality.
 */
export function hashToken(secret: string, token: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}

/** The token from `Authorization: Bearer <token>`, or null when absent or malformed. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header.trim());
  return match?.[1] ?? null;
}
