/**
 * The one database surface the server uses, over embedded PGlite or PostgreSQL (`pg`).
 * Both run the SAME SQL, so anything that works in tests on PGlite works on PostgreSQL.
 * Values come back as each driver parses them (bigint is a number in PGlite, a string in `pg`),
 * so queries cast what they return (`id::text`, `seq::float8`) and callers parse rows with zod.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  /** One statement, `$1`… parameters. */
  query<R extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

export interface Db extends Queryable {
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable & { exec(sql: string): Promise<void> }) => Promise<T>): Promise<T>;
  /**
   * Test hook: called before every statement; throwing from it fails that statement as a
   * crash would, e.g. to prove a batch is stored whole or not at all.
   */
  faultHook: ((sql: string) => void) | null;
  readonly kind: 'pglite' | 'postgres';
  /** PGlite only: a consistent gzipped tarball of the data folder (PostgreSQL has pg_dump). */
  dumpDataDir?(): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** A fault hook that throws on the nth INSERT statement from now on (1-based). */
export function failOnNthInsert(n: number): (sql: string) => void {
  let seen = 0;
  return (sql) => {
    if (!/^\s*insert\b/i.test(sql)) return;
    seen += 1;
    if (seen === n) throw new Error(`injected fault on insert #${n}`);
  };
}
