import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Db } from './db/database';
import { lockDataDir, type DataDirLock } from './db/data-dir-lock';
import { secureDataDir } from './db/data-dir-modes';
import { openPgliteDb } from './db/pglite-database';
import { openPostgresDb } from './db/postgres-database';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The environment, checked once at boot: a typo in PORT stops the server with a clear message. */
export const EnvSchema = z.object({
  // 0 picks a free port (tests); the address actually bound is printed and kept in the lock file.
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  SUFLER_DATA_DIR: z.string().min(1).default(join(REPO_ROOT, '.data', 'pglite')),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected postgres://…')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // on: every PGlite commit is fsynced before it is confirmed (survives a power cut); off: faster,
  // survives a process crash only. See server/README.md, "Durability".
  SUFLER_PGLITE_FSYNC: z.enum(['on', 'off']).default('on'),
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

/**
 * With PGlite, takes the data folder's lock (see data-dir-lock.ts) and makes the folder private;
 * call before binding a port or opening the database. Null with PostgreSQL, which serves many
 * processes itself. Throws DataDirLockedError naming the process that holds the folder.
 */
export function lockStore(env: Env): DataDirLock | null {
  if (env.DATABASE_URL !== undefined) return null;
  const dir = resolve(env.SUFLER_DATA_DIR);
  mkdirSync(dirname(dir), { recursive: true, mode: 0o700 });
  const lock = lockDataDir(dir);
  try {
    secureDataDir(dir);
  } catch (err) {
    lock.release();
    throw err;
  }
  return lock;
}

/** PostgreSQL when DATABASE_URL is set, else embedded PGlite in the data folder (lock it first). */
export async function openDb(env: Env): Promise<Db> {
  if (env.DATABASE_URL !== undefined) return openPostgresDb(env.DATABASE_URL);
  const dir = resolve(env.SUFLER_DATA_DIR);
  const db = await openPgliteDb(dir, { durable: env.SUFLER_PGLITE_FSYNC === 'on' });
  // Files PGlite's first start wrote before its file system took our modes (initdb's own files).
  secureDataDir(dir);
  return db;
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
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  log(`SUFLER_TOKEN_SECRET is not set: generated one and kept it in ${file}. Keep that file; without it every token stops working.`);
  return secret;
}
