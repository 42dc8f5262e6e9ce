import { timingSafeEqual } from 'node:crypto';
import { hashToken } from './token';

/**
 * The server operator's credential for the admin API: derived from the token secret, which the
 * admin CLI reads from the same environment / `token-secret` file as the server. Whoever holds
 * that secret can already mint tokens, so this grants nothing new; it lets the CLI on the
 * server's machine run every admin command while the server holds the database.
 * Sent as `Authorization: Operator <key>`, and accepted only from the server's own machine.
 */
export function operatorKey(secret: string): string {
  return hashToken(secret, 'sufler-operator-v1');
}

export function isOperator(secret: string, header: string | undefined): boolean {
  const match = /^Operator ([0-9a-f]{64})$/.exec(header?.trim() ?? '');
  if (match?.[1] === undefined) return false;
  return timingSafeEqual(Buffer.from(match[1]), Buffer.from(operatorKey(secret)));
}

/** Loopback, or this machine calling its own LAN address (the server bound to one address). */
export function fromThisMachine(socket: { remoteAddress?: string; localAddress?: string }): boolean {
  const ip = socket.remoteAddress ?? '';
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.') || ip === socket.localAddress;
}
