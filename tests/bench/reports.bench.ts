/**
 * Each head's report over a year of a 20-manager organisation: TOUCHES touches and SNAPSHOTS
 * compliance snapshots, on PGlite and, when DATABASE_URL is set, on PostgreSQL. Rows are made in
 * SQL (generate_series, `report-bench-seed.ts`), not pushed; the rollups of migration 007 are kept
 * by their triggers as they would be on a push. The issue's scale is 1,000,000 and 100,000; seeding that
 * takes about a minute on PGlite (plus the rollups' triggers), so `npm run bench` runs 200,000 and
 * 20,000 and the full scale is asked for on the command line.
 * Run: node --import tsx tests/bench/reports.bench.ts [touches] [snapshots]
 * Target: every report ≤ 150 ms (median of 5 runs after a warm-up).
 */
import { loadavg } from 'node:os';
import { runReport } from '../../server/src/reports/run-report';
import { REPORT_KINDS, ReportQuerySchema } from '../../lib/wire/reports';
import { dbTargets, type DbTarget } from '../server/helpers/test-db';
import { seedReportBench } from './report-bench-seed';
import { formatMs, summarize } from './stats';

const TOUCHES = Number(process.argv[2] ?? 200_000);
const SNAPSHOTS = Number(process.argv[3] ?? 20_000);

async function bench(target: DbTarget): Promise<void> {
  const { db, cleanup } = await target.open();
  try {
    const seedStart = performance.now();
    const { head: caller } = await seedReportBench(db, TOUCHES, SNAPSHOTS);
    console.log(`${target.name}: seeded ${TOUCHES.toLocaleString('en')} touches and ${SNAPSHOTS.toLocaleString('en')} snapshots in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    for (const kind of REPORT_KINDS) {
      // A month for the daily reports, the year for the monthly one; as the head of North sees them.
      const query = ReportQuerySchema.parse(kind === 'monthly' ? { from: '2026-01-01', to: '2026-12-31' } : { from: '2026-06-01', to: '2026-06-30' });
      await runReport(db, caller, kind, query, Date.UTC(2026, 11, 31));
      const samples: number[] = [];
      let rows = 0;
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        const report = await runReport(db, caller, kind, query, Date.UTC(2026, 11, 31));
        samples.push(performance.now() - t0);
        rows = Object.values(report.tables).reduce((n, table) => n + table.length, 0);
      }
      const s = summarize(samples);
      const verdict = s.median <= 150 ? 'ok' : 'OVER the 150 ms target';
      console.log(`${target.name}: ${kind.padEnd(12)} median ${formatMs(s.median)}, max ${formatMs(s.max)} (${rows} rows) — ${verdict}`);
    }
  } finally {
    await cleanup();
  }
}

// The figures only mean something next to how busy the machine was.
console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on this machine`);
for (const target of dbTargets()) await bench(target);
