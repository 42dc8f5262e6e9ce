/**
 * The pixel URL is `<server>/t/<senderKey><letterPart>.gif`:
 * - `senderKey` (8 base64url characters) is random per Sufler user and the same in all their
 *   letters, so the sender's browser can block requests for its own pixels by that prefix
 *   without blocking a colleague's;
 * - `letterPart` (32 base64url characters, 192 bits) is unguessable; the server stores only
 *   an HMAC of the whole token.
 */
export const SENDER_KEY_LENGTH = 8;
export const LETTER_PART_LENGTH = 32;
export const PIXEL_TOKEN_LENGTH = SENDER_KEY_LENGTH + LETTER_PART_LENGTH;

const TOKEN = new RegExp(`^[A-Za-z0-9_-]{${PIXEL_TOKEN_LENGTH}}$`);
const SENDER_KEY = new RegExp(`^[A-Za-z0-9_-]{${SENDER_KEY_LENGTH}}$`);

export function isPixelToken(value: string): boolean {
  return TOKEN.test(value);
}

export function isSenderKey(value: string): boolean {
  return SENDER_KEY.test(value);
}

/** The path the pixel is served at, for a token of the right shape. */
export function pixelPath(token: string): string {
  return `/t/${token}.gif`;
}

/**
 * The token from a request path (query already removed), or null for anything that is not
 * exactly `/t/<token>.gif`: extra segments, other extensions, encoded characters, too long.
 */
export function tokenFromPixelPath(path: string): string | null {
  if (path.length !== 3 + PIXEL_TOKEN_LENGTH + 4) return null;
  if (!path.startsWith('/t/') || !path.endsWith('.gif')) return null;
  const token = path.slice(3, -4);
  return isPixelToken(token) ? token : null;
}
