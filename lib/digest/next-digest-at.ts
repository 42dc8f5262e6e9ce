/**
 * When the daily digest fires: the next `hour`:00 on the wall clock of `timeZone`, found with
 * Intl alone (no zone database of our own). DST-safe: an hour that happens twice (clocks back)
 * fires at its first occurrence; an hour the clocks skip fires when they jump over it.
 */
const DAY_MS = 86_400_000;

interface Wall {
  y: number;
  m: number;
  d: number;
  h: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock of an instant in a zone, as if it were UTC (ms), to compare and subtract. */
function wallMs(at: number, timeZone: string): number {
  const p = Object.fromEntries(formatter(timeZone).formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
}

/** The zone's offset from UTC at an instant, in ms (whole seconds). */
const offsetAt = (at: number, timeZone: string): number => wallMs(Math.floor(at / 1000) * 1000, timeZone) - Math.floor(at / 1000) * 1000;

/** The earliest instant showing this wall time; in a gap, the instant the clocks jump over it. */
function instantOf(w: Wall, timeZone: string): number {
  const wanted = Date.UTC(w.y, w.m - 1, w.d, w.h);
  // The offsets in force around that day: a transition within it has one on each side.
  const offsets = new Set([offsetAt(wanted - DAY_MS, timeZone), offsetAt(wanted, timeZone), offsetAt(wanted + DAY_MS, timeZone)]);
  const exact = [...offsets].map((o) => wanted - o).filter((at) => wallMs(at, timeZone) === wanted);
  if (exact.length > 0) return Math.min(...exact);
  return wanted - offsetAt(wanted - DAY_MS, timeZone);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone. */
export function dayIn(at: number, timeZone: string): string {
  return new Date(wallMs(at, timeZone)).toISOString().slice(0, 10);
}

/** A zone the browser knows, else UTC (a damaged setting never stops the digest). */
export function knownZone(timeZone: string | undefined): string {
  if (timeZone === undefined || timeZone === '') return 'UTC';
  try {
    formatter(timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** The first `hour`:00 in `timeZone` strictly after `now`. */
export function nextDigestAt(now: number, hour: number, timeZone: string): number {
  const zone = knownZone(timeZone);
  const today = new Date(wallMs(now, zone));
  for (let ahead = 0; ahead < 3; ahead++) {
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + ahead));
    const at = instantOf({ y: day.getUTCFullYear(), m: day.getUTCMonth() + 1, d: day.getUTCDate(), h: hour }, zone);
    if (at > now) return at;
  }
  return now + DAY_MS;
}
