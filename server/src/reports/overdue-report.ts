import type { Lang } from '../../../lib/i18n/lang';
import type { Playbook } from '../../../lib/playbook/schema';
import type { ReportRow } from '../../../lib/wire/reports';
import type { Queryable } from '../db/database';
import type { ReportPeriod } from './report-period';
import type { ReportScope } from './report-scope';
import { scopeParams, scopeSql, toRows, utcDaySql } from './report-sql';

/**
 * Key clients whose touches are overdue under their segment's norm, as of the end of the period
 * (or now, if that is earlier). Key segments are those with a meeting norm (the default
 * playbook's key and top key clients). A client's segment and manager are those of its latest
 * snapshot; any touch of the organisation on the client counts, whoever logged it. A client never
 * touched is measured from when it was first viewed.
 */
export async function overdueReport(db: Queryable, scope: ReportScope, period: ReportPeriod, playbook: Playbook, lang: Lang, now: number): Promise<Record<string, ReportRow[]>> {
  const keySegments = playbook.segments.filter((s) => s.norm.meetingEveryDays !== undefined);
  if (keySegments.length === 0) return { clients: [] };
  const asOf = Math.min(period.endMs, now);
  const segments = keySegments.map((s) => ({
    id: s.id,
    every_days: s.norm.touchEveryDays,
    meeting_days: s.norm.meetingEveryDays ?? null,
    kinds: s.norm.countingKinds.join(','),
  }));
  const rows = await db.query(
    `WITH latest AS MATERIALIZED (
       SELECT DISTINCT ON (c.client_key) c.client_key, c.taken_at, c.user_id, c.segment_id
         FROM compliance_snapshots c
        WHERE ${scopeSql('c')} AND c.taken_at < $4::bigint
        ORDER BY c.client_key, c.taken_at DESC),
     measured AS MATERIALIZED (
       SELECT l.*, s.every_days, s.meeting_days,
              (SELECT t.at_ms FROM touches t
                WHERE t.org_id = $1::bigint AND t.client_key = l.client_key AND NOT t.deleted AND t.at_ms < $4::bigint
                  AND t.kind = ANY (string_to_array(s.kinds, ',')) ORDER BY t.at_ms DESC LIMIT 1) AS last_touch,
              CASE WHEN s.meeting_days IS NOT NULL THEN
                (SELECT t.at_ms FROM touches t
                  WHERE t.org_id = $1::bigint AND t.client_key = l.client_key AND NOT t.deleted AND t.kind = 'meeting' AND t.at_ms < $4::bigint
                  ORDER BY t.at_ms DESC LIMIT 1) END AS last_meeting
         FROM latest l
         JOIN jsonb_to_recordset($5::jsonb) AS s(id text, every_days float8, meeting_days float8, kinds text) ON s.id = l.segment_id),
     -- When the client was first viewed, looked up only for one never touched (or never met).
     dated AS MATERIALIZED (
       SELECT m.*, CASE WHEN m.last_touch IS NULL OR (m.meeting_days IS NOT NULL AND m.last_meeting IS NULL) THEN
                (SELECT c2.taken_at FROM compliance_snapshots c2
                  WHERE c2.org_id = $1::bigint AND c2.client_key = m.client_key ORDER BY c2.taken_at LIMIT 1) END AS first_seen
         FROM measured m),
     overdue AS MATERIALIZED (
       SELECT m.*,
              greatest(0, floor(($4::bigint - coalesce(m.last_touch, m.first_seen)) / 86400000.0 - m.every_days))::int AS touch_overdue_days,
              CASE WHEN m.meeting_days IS NULL THEN 0
                   ELSE greatest(0, floor(($4::bigint - coalesce(m.last_meeting, m.first_seen)) / 86400000.0 - m.meeting_days))::int END
                AS meeting_overdue_days
         FROM dated m)
     SELECT o.client_key, c.title, c.url, o.segment_id, u.email AS manager, c.responsible,
            to_char(${utcDaySql('o.last_touch')}, 'YYYY-MM-DD') AS last_touch,
            to_char(${utcDaySql('o.last_meeting')}, 'YYYY-MM-DD') AS last_meeting,
            o.touch_overdue_days, o.meeting_overdue_days,
            greatest(o.touch_overdue_days, o.meeting_overdue_days) AS days_overdue
       FROM overdue o JOIN users u ON u.id = o.user_id
       CROSS JOIN LATERAL (SELECT c.title, c.url, c.responsible FROM compliance_snapshots c
                            WHERE c.org_id = $1::bigint AND c.client_key = o.client_key AND c.taken_at = o.taken_at LIMIT 1) c
      WHERE o.touch_overdue_days > 0 OR o.meeting_overdue_days > 0
      ORDER BY days_overdue DESC, c.title`,
    [...scopeParams(scope), asOf, JSON.stringify(segments)],
  );
  const segmentName = (id: string): string => playbook.segments.find((s) => s.id === id)?.name[lang] ?? id;
  return { clients: toRows(rows).map((r) => ({ ...r, segment: segmentName(String(r.segment_id)) })) };
}
