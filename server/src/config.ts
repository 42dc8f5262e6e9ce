import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Db } from './db/database';
import { openPgliteDb } from './db/pglite-database';
import { openPostgresDb } from './db/postgres-database';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The environment, checked once at boot: a typo in PORT stops the server with a clear message. */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  SUFLER_DATA_DIR: z.string().min(1).default(join(REPO_ROOT, '.data', 'pglite')),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected postgres://…')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SUFLER_TOKEN_SECRET: z.string().min(16, 'use at least 16 characters').optional().or(z.literal('').transform(() => undefined)),
});
export type Env = z.infer<typeof EnvSchema>;

export function loadEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  return parsed.data;
}

/** PostgreSQL when DATABASE_URL is set, else embedded PGlite in the data folder. */
export async function openDb(env: Env): Promise<Db> {
  if (env.DATABASE_URL !== undefined) return openPostgresDb(env.DATABASE_URL);
  await mkdir(env.SUFLER_DATA_DIR, { recursive: true });
  return openPgliteDb(resolve(env.SUFLER_DATA_DIR));
}

/**
 * The token HMAC key: SUFLER_TOKEN_SECRET, or one generated on first start and kept in a file
 * beside the data (one folder up from the PGlite folder), so tokens stay valid across restarts.
 */
export async function resolveSecret(env: Env, log: (line: string) => void): Promise<string> {
  if (env.SUFLER_TOKEN_SECRET !== undefined) return env.SUFLER_TOKEN_SECRET;
  const dir = resolve(env.SUFLER_DATA_DIR, '..');
  const file = join(dir, 'token-secret');
  try {
    const kept = (await readFile(file, 'utf8')).trim();
    if (kept.length >= 16) return kept;
  } catch {
    // Not there yet: made below.
  }
  await mkdir(dir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  log(`SUFLER_TOKEN_SECRET is not set: generated one and kept it in ${file}. Keep that file; without it every token stops working.`);
  return secret;
}
