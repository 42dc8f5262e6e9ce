import { createHmac, randomBytes } from 'node:crypto';
import { LETTER_PART_LENGTH, SENDER_KEY_LENGTH } from '../../../lib/tracking/pixel-token';

// Each use of the server secret gets its own label, so one HMAC can never stand in for another.
const LETTER_LABEL = 'sufler/pixel-letter\0';
const TOKEN_HASH_LABEL = 'sufler/pixel-token-hash\0';
const IP_LABEL = 'sufler/hit-ip\0';

/** A new sender key: random, the same for all of a user's letters. */
export function newSenderKey(): string {
  return randomBytes(SENDER_KEY_LENGTH).toString('base64url').slice(0, SENDER_KEY_LENGTH);
}

/** 128 random bits kept with the letter; with the secret it gives the letter's token. */
export function newTokenSalt(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * The letter's pixel token: the sender key, then 192 bits from HMAC(secret, org, id, salt).
 * Deterministic, so a retried create returns the same token, yet unknowable from the database
 * alone (the salt and hash are there, the secret is not).
 */
export function pixelToken(secret: string, senderKey: string, orgId: string, id: string, salt: string): string {
  const letterPart = createHmac('sha256', secret).update(`${LETTER_LABEL}${orgId}\0${id}\0${salt}`).digest('base64url').slice(0, LETTER_PART_LENGTH);
  return `${senderKey}${letterPart}`;
}

/** What the database keeps instead of the token: a leaked table gives no working pixel URL. */
export function pixelTokenHash(secret: string, token: string): string {
  return createHmac('sha256', secret).update(`${TOKEN_HASH_LABEL}${token}`).digest('base64url');
}

/**
 * The address of a hit or a request, keyed with the server secret: equal addresses compare
 * equal, but a leaked database cannot be brute-forced back to addresses (IPv4 is only 2^32).
 */
export function ipHash(secret: string, ip: string): string {
  return createHmac('sha256', secret).update(`${IP_LABEL}${ip}`).digest('base64url').slice(0, 32);
}
