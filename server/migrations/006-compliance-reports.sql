-- Compliance snapshots as the extension sends them (lib/wire/compliance.ts). The table made in
-- 003 was a placeholder nothing wrote to; it is replaced with columns the reports group by.
DROP TABLE compliance_snapshots;
CREATE TABLE compliance_snapshots (
  id text PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES orgs(id),
  team_id bigint REFERENCES teams(id),
  user_id bigint NOT NULL REFERENCES users(id),
  device_id text NOT NULL,
  client_key text NOT NULL,
  day date NOT NULL,
  taken_at bigint NOT NULL,
  url text NOT NULL,
  title text NOT NULL,
  crm_stage text,
  stage_id text,
  terminal text,
  responsible text,
  segment_id text,
  amount numeric,
  required_count integer NOT NULL,
  missing_count integer NOT NULL,
  -- [{ "id": field id, "filled": bool }], as sent.
  fields jsonb NOT NULL,
  payload jsonb NOT NULL,
  payload_hash text NOT NULL,
  seq bigint NOT NULL DEFAULT nextval('change_seq'),
  received_at timestamptz NOT NULL DEFAULT now()
);
-- Reports read a period of one organisation, then group by manager, deal or day.
CREATE INDEX compliance_org_day ON compliance_snapshots (org_id, day, user_id);
-- "The latest snapshot of each deal" and "when did a deal first reach a stage".
CREATE INDEX compliance_org_client_taken ON compliance_snapshots (org_id, client_key, taken_at);
CREATE INDEX compliance_org_stage_taken ON compliance_snapshots (org_id, stage_id, taken_at) WHERE stage_id IS NOT NULL;

-- Touch time and kind as columns, so a report over a period reads an index, not every payload.
ALTER TABLE touches ADD COLUMN at_ms bigint GENERATED ALWAYS AS ((payload->>'at')::bigint) STORED;
ALTER TABLE touches ADD COLUMN kind text GENERATED ALWAYS AS (payload->>'kind') STORED;
CREATE INDEX touches_org_at ON touches (org_id, at_ms) INCLUDE (user_id, team_id, kind);
CREATE INDEX touches_org_client_at ON touches (org_id, client_key, at_ms) INCLUDE (kind);
