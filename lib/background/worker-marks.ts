/**
 * User Timing marks of a worker's start, once each per worker: its modules evaluated, its
 * listeners added, its first panel state showing a client posted. The cold-start benchmark
 * reads them against the worker's time origin; they cost a timestamp each.
 */
export const WORKER_MARKS = {
  evaluated: 'sufler:worker-evaluated',
  listening: 'sufler:worker-listening',
  firstClientState: 'sufler:worker-first-client-state',
} as const;

export function markOnce(name: string): void {
  try {
    if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
  } catch {
    // A runtime without User Timing (tests) just has no marks.
  }
}
