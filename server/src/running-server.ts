import { resolve } from 'node:path';
import { ErrorBodySchema } from '../../lib/wire/errors';
import { operatorKey } from './auth/operator-key';
import type { Env } from './config';
import { readLockHolder } from './db/data-dir-lock';

/**
 * For the command-line tools (admin, backup, restore): finds the server that holds the PGlite
 * folder, so a command goes through it instead of opening the folder a second time.
 */

/** The running server's address, from the folder's lock; null when no process holds it. */
export async function runningServerUrl(env: Env, waitMs = 60_000): Promise<string | null> {
  const dir = resolve(env.SUFLER_DATA_DIR);
  const deadline = Date.now() + waitMs;
  for (;;) {
    const holder = readLockHolder(dir);
    if (holder === null) return null;
    if (holder.url !== undefined) return holder.url.replace('//0.0.0.0:', '//127.0.0.1:').replace('//[::]:', '//[::1]:');
    // A server still starting (no address yet), or another tool holding the folder for a moment.
    if (Date.now() > deadline) {
      throw new Error(`The data folder ${dir} is held by process ${holder.pid} (${holder.command}), which serves no admin API. Try again when it has finished.`);
    }
    await new Promise((done) => setTimeout(done, 250));
  }
}

/** An admin API answer that is not a success: the message to print, and whether it was the caller's fault. */
export class AdminApiError extends Error {
  override name = 'AdminApiError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** Operator key by default; an admin's own token (SUFLER_ADMIN_TOKEN) acts inside that admin's organisation. */
export function adminAuthorization(secret: string): string {
  const token = process.env.SUFLER_ADMIN_TOKEN;
  return token !== undefined && token !== '' ? `Bearer ${token}` : `Operator ${operatorKey(secret)}`;
}

export async function callAdminApi(url: string, secret: string, path: string, init: { method: 'GET' | 'POST'; body?: unknown }): Promise<Response> {
  const res = await fetch(`${url}${path}`, {
    method: init.method,
    headers: {
      authorization: adminAuthorization(secret),
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (res.ok) return res;
  const text = await res.text();
  let message = `the server at ${url} answered ${res.status}`;
  try {
    message = ErrorBodySchema.parse(JSON.parse(text)).error.message;
  } catch {
    // Not our JSON error body: keep the status line.
  }
  throw new AdminApiError(message, res.status);
}
