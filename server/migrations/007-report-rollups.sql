-- Report speed (issue 7, item 10). Two rollups kept by statement-level triggers in the same
-- transaction as the rows they summarise, so a report reads a few thousand rows instead of a
-- million touches, and a few indexes for the per-client look-ups the overdue report makes.

-- Overdue: the latest snapshot of each deal read in index order (no sort), the last meeting of
-- a client by one index descent, and the last touch of any kind by a backward scan.
CREATE INDEX compliance_org_client_taken_scope ON compliance_snapshots (org_id, client_key, taken_at DESC)
  INCLUDE (team_id, user_id, segment_id);
DROP INDEX compliance_org_client_taken;
CREATE INDEX touches_org_client_kind_at ON touches (org_id, client_key, kind, at_ms);

-- Touches per person, UTC day and kind: the activity report and the calls and meetings of the
-- conversions report. A touch's day is its `at` in UTC, as the reports always counted it.
CREATE TABLE touch_day_counts (
  org_id bigint NOT NULL REFERENCES orgs(id),
  team_id bigint REFERENCES teams(id),
  user_id bigint NOT NULL REFERENCES users(id),
  day date NOT NULL,
  kind text NOT NULL,
  n integer NOT NULL,
  UNIQUE NULLS NOT DISTINCT (org_id, day, team_id, user_id, kind)
);

CREATE FUNCTION touch_day_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO touch_day_counts (org_id, team_id, user_id, day, kind, n)
  SELECT org_id, team_id, user_id, date '1970-01-01' + (at_ms / 86400000)::int, kind, count(*)
    FROM new_rows WHERE at_ms IS NOT NULL AND kind IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT (org_id, day, team_id, user_id, kind) DO UPDATE SET n = touch_day_counts.n + excluded.n;
  RETURN NULL;
END $$;

-- Touches are immutable facts and nothing deletes them today; should that change, the counts follow.
CREATE FUNCTION touch_day_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE touch_day_counts c SET n = c.n - o.n
    FROM (SELECT org_id, team_id, user_id, date '1970-01-01' + (at_ms / 86400000)::int AS day, kind, count(*) AS n
            FROM old_rows WHERE at_ms IS NOT NULL AND kind IS NOT NULL GROUP BY 1, 2, 3, 4, 5) o
   WHERE c.org_id = o.org_id AND c.day = o.day AND c.team_id IS NOT DISTINCT FROM o.team_id
     AND c.user_id = o.user_id AND c.kind = o.kind;
  RETURN NULL;
END $$;

CREATE TRIGGER touches_count_insert AFTER INSERT ON touches
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_day_counts_add();
CREATE TRIGGER touches_count_delete AFTER DELETE ON touches
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION touch_day_counts_remove();

INSERT INTO touch_day_counts (org_id, team_id, user_id, day, kind, n)
SELECT org_id, team_id, user_id, date '1970-01-01' + (at_ms / 86400000)::int, kind, count(*)
  FROM touches WHERE at_ms IS NOT NULL AND kind IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5;

-- The first snapshot in which each person saw each deal at each stage (`won` for a won terminal
-- stage, else the playbook stage id): the conversions report's proposals, negotiations and wins
-- and the monthly report's won deals are "first reached", which is a minimum that only an
-- earlier snapshot (a late sync) can move. Kept per person so a report narrowed to a manager or
-- a team still takes the first among that scope's own snapshots, as it did over the raw rows.
CREATE TABLE deal_stage_firsts (
  org_id bigint NOT NULL REFERENCES orgs(id),
  team_id bigint REFERENCES teams(id),
  user_id bigint NOT NULL REFERENCES users(id),
  client_key text NOT NULL,
  step text NOT NULL,
  snapshot_id text NOT NULL,
  day date NOT NULL,
  taken_at bigint NOT NULL,
  title text NOT NULL,
  url text NOT NULL,
  -- The amount on that card, or else the latest amount any snapshot of the deal showed before it
  -- (the monthly report's revenue), and when that amount was read.
  amount numeric,
  amount_at bigint,
  UNIQUE NULLS NOT DISTINCT (org_id, client_key, step, team_id, user_id)
);
CREATE INDEX deal_stage_firsts_org_step_day ON deal_stage_firsts (org_id, step, day);

CREATE FUNCTION deal_stage_firsts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO deal_stage_firsts AS f (org_id, team_id, user_id, client_key, step, snapshot_id, day, taken_at, title, url)
  SELECT DISTINCT ON (org_id, client_key, step, team_id, user_id) org_id, team_id, user_id, client_key, step, id, day, taken_at, title, url
    FROM (SELECT n.*, CASE WHEN n.terminal = 'won' THEN 'won' ELSE n.stage_id END AS step FROM new_rows n) s
   WHERE step IS NOT NULL
   ORDER BY org_id, client_key, step, team_id, user_id, taken_at, id
  ON CONFLICT (org_id, client_key, step, team_id, user_id) DO UPDATE
    SET snapshot_id = excluded.snapshot_id, day = excluded.day, taken_at = excluded.taken_at,
        title = excluded.title, url = excluded.url
    WHERE excluded.taken_at < f.taken_at;
  -- The amount of every first of the batch's deals: an earlier snapshot may have brought one.
  UPDATE deal_stage_firsts f SET (amount, amount_at) = (
           SELECT c.amount, c.taken_at FROM compliance_snapshots c
            WHERE c.org_id = f.org_id AND c.client_key = f.client_key AND c.amount IS NOT NULL AND c.taken_at <= f.taken_at
            ORDER BY c.taken_at DESC LIMIT 1)
   WHERE (f.org_id, f.client_key) IN (SELECT DISTINCT org_id, client_key FROM new_rows);
  RETURN NULL;
END $$;

CREATE TRIGGER compliance_firsts_insert AFTER INSERT ON compliance_snapshots
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_stage_firsts_add();

INSERT INTO deal_stage_firsts (org_id, team_id, user_id, client_key, step, snapshot_id, day, taken_at, title, url)
SELECT DISTINCT ON (org_id, client_key, step, team_id, user_id) org_id, team_id, user_id, client_key, step, id, day, taken_at, title, url
  FROM (SELECT c.*, CASE WHEN c.terminal = 'won' THEN 'won' ELSE c.stage_id END AS step FROM compliance_snapshots c) s
 WHERE step IS NOT NULL
 ORDER BY org_id, client_key, step, team_id, user_id, taken_at, id;
UPDATE deal_stage_firsts f SET (amount, amount_at) = (
         SELECT c.amount, c.taken_at FROM compliance_snapshots c
          WHERE c.org_id = f.org_id AND c.client_key = f.client_key AND c.amount IS NOT NULL AND c.taken_at <= f.taken_at
          ORDER BY c.taken_at DESC LIMIT 1);

