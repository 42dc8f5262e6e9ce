import { startLiveServer, type LiveServerOptions } from '../../unit/sync/live-server';

/** The real team server on loopback (PGlite in memory), as the sync engine's tests run it. */
export interface TeamServer {
  url: string;
  /** A manager's token (the «Acme» organisation, team North). */
  managerToken: string;
  /** The head of team North's token. */
  headToken: string;
  /** How many touches the server holds in all (each id is counted once by construction). */
  touchCount(): Promise<number>;
  /** Titles of the compliance snapshots the server holds. */
  snapshotTitles(): Promise<string[]>;
  /** Stops answering (the port is closed, the data kept), as when the server goes down. */
  stop(): Promise<void>;
  /** Serves again on the same address and database. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startTeamServer(options: LiveServerOptions = {}): Promise<TeamServer> {
  const live = await startLiveServer(options);
  return {
    url: live.url,
    managerToken: live.world.tokens.mgrNorth,
    headToken: live.world.tokens.headNorth,
    async touchCount() {
      const rows = await live.db.query('SELECT count(*)::int AS n FROM touches');
      return Number(rows[0]?.n);
    },
    async snapshotTitles() {
      const rows = await live.db.query('SELECT title FROM compliance_snapshots');
      return rows.map((r) => String(r.title));
    },
    stop: () => live.stop(),
    restart: () => live.start(),
    close: () => live.close(),
  };
}
