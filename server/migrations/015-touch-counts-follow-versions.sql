-- Touches became editable (009: a new version replaces the row in place, a deletion is a
-- tombstone with `deleted`), while the day counts of 007 only followed inserts and deletes.
-- Counts now leave tombstones out and follow every update: the old row's contribution is taken
-- back and the new one's added, so an edit that moves a touch's day or kind moves its count too.

CREATE OR REPLACE FUNCTION touch_day_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO touch_day_counts (org_id, team_id, user_id, day, kind, n)
  SELECT org_id, team_id, user_id, date '1970-01-01' + (at_ms / 86400000)::int, kind, count(*)
    FROM new_rows WHERE at_ms IS NOT NULL AND kind IS NOT NULL AND NOT deleted
   GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (org_id, day, team_id, user_id, kind) DO UPDATE SET n = touch_day_counts.n + excluded.n;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION touch_day_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE touch_day_counts c SET n = c.n - o.n
    FROM (SELECT org_id, team_id, user_id, date '1970-01-01' + (at_ms / 86400000)::int AS day, kind, count(*) AS n
            FROM old_rows WHERE at_ms IS NOT NULL AND kind IS NOT NULL AND NOT deleted GROUP BY 1, 2, 3, 4, 5) o
   WHERE c.org_id = o.org_id AND c.day = o.day AND c.team_id IS NOT DISTINCT FROM o.team_id
     AND c.user_id = o.user_id AND c.kind = o.kind;
  RETURN NULL;
END $$;

-- An update takes back what the old rows counted and adds what the new rows count: the two
-- functions above, each reading its own transition table (the order does not matter).
CREATE TRIGGER touches_count_update_remove AFTER UPDATE ON touches
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_day_counts_remove();
CREATE TRIGGER touches_count_update_add AFTER UPDATE ON touches
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_day_counts_add();

-- Tombstones and edits stored before this migration: count again from the current rows.
DELETE FROM touch_day_counts;
INSERT INTO touch_day_counts (org_id, team_id, user_id, day, kind, n)
SELECT org_id, team_id, user_id, date '1970-01-01' + (at_ms / 86400000)::int, kind, count(*)
  FROM touches WHERE at_ms IS NOT NULL AND kind IS NOT NULL AND NOT deleted
 GROUP BY 1, 2, 3, 4, 5;

-- The overdue report's per-client look-ups skip tombstones, as the period indexes of 009 do.
DROP INDEX touches_org_client_kind_at;
CREATE INDEX touches_org_client_kind_at ON touches (org_id, client_key, kind, at_ms) WHERE NOT deleted;
