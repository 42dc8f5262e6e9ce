import { describe, expect, it } from 'vitest';
import { dayIn, knownZone, nextDigestAt } from '../../../lib/digest/next-digest-at';

const iso = (ms: number) => new Date(ms).toISOString();

describe('the daily digest alarm time', () => {
  it('fires at 19:00 today in the zone, or tomorrow once 19:00 has passed', () => {
    // Moscow is UTC+3 all year: 19:00 MSK is 16:00 UTC.
    expect(iso(nextDigestAt(Date.parse('2026-03-03T10:00:00Z'), 19, 'Europe/Moscow'))).toBe('2026-03-03T16:00:00.000Z');
    expect(iso(nextDigestAt(Date.parse('2026-03-03T16:00:00Z'), 19, 'Europe/Moscow'))).toBe('2026-03-04T16:00:00.000Z');
    expect(iso(nextDigestAt(Date.parse('2026-03-03T16:00:01Z'), 19, 'Europe/Moscow'))).toBe('2026-03-04T16:00:00.000Z');
    // 22:30 UTC is already tomorrow in Vladivostok (UTC+10): its 19:00 is 09:00 UTC that day.
    expect(iso(nextDigestAt(Date.parse('2026-03-03T22:30:00Z'), 19, 'Asia/Vladivostok'))).toBe('2026-03-04T09:00:00.000Z');
    expect(iso(nextDigestAt(Date.parse('2026-03-03T10:00:00Z'), 19, 'Asia/Kathmandu'))).toBe('2026-03-03T13:15:00.000Z');
  });

  it('keeps 19:00 on the wall clock across a DST change, in both directions', () => {
    // Berlin: CET (UTC+1) until 29.03.2026, then CEST (UTC+2); back on 25.10.2026.
    expect(iso(nextDigestAt(Date.parse('2026-03-28T18:30:00Z'), 19, 'Europe/Berlin'))).toBe('2026-03-29T17:00:00.000Z');
    expect(iso(nextDigestAt(Date.parse('2026-10-24T17:30:00Z'), 19, 'Europe/Berlin'))).toBe('2026-10-25T18:00:00.000Z');
    // New York springs forward on 08.03.2026: 18:59 EST on the 7th, then 19:00 EDT on the 8th.
    expect(iso(nextDigestAt(Date.parse('2026-03-07T23:59:00Z'), 19, 'America/New_York'))).toBe('2026-03-08T00:00:00.000Z');
    expect(iso(nextDigestAt(Date.parse('2026-03-08T00:00:00Z'), 19, 'America/New_York'))).toBe('2026-03-08T23:00:00.000Z');
  });

  it('an hour the clocks skip fires when they jump; an hour that repeats fires the first time', () => {
    // Berlin 29.03.2026: 02:00 CET jumps to 03:00 CEST at 01:00 UTC.
    expect(iso(nextDigestAt(Date.parse('2026-03-28T12:00:00Z'), 2, 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z');
    // Berlin 25.10.2026: 02:00–03:00 happens twice; the first 02:00 is CEST, 00:00 UTC.
    expect(iso(nextDigestAt(Date.parse('2026-10-24T12:00:00Z'), 2, 'Europe/Berlin'))).toBe('2026-10-25T00:00:00.000Z');
    // Midnight in São Paulo never skipped since 2019, but the hour 0 works everywhere.
    expect(iso(nextDigestAt(Date.parse('2026-03-03T12:00:00Z'), 0, 'UTC'))).toBe('2026-03-04T00:00:00.000Z');
  });

  it('an unknown or hostile zone falls back to UTC; the digest day is the zone’s calendar day', () => {
    for (const zone of ['Mars/Olympus', '', '\u0000', '\uD800', 'x'.repeat(1_000_000)]) {
      expect(knownZone(zone)).toBe('UTC');
      expect(iso(nextDigestAt(Date.parse('2026-03-03T10:00:00Z'), 19, zone))).toBe('2026-03-03T19:00:00.000Z');
    }
    expect(dayIn(Date.parse('2026-03-03T22:30:00Z'), 'Asia/Vladivostok')).toBe('2026-03-04');
    expect(dayIn(Date.parse('2026-03-03T02:00:00Z'), 'America/New_York')).toBe('2026-03-02');
  });
});
