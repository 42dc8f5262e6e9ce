-- Touches are edited and deleted as new versions of the same id (lib/touches/touch-versions.ts).
-- `touches` keeps each touch's current version (what pulls deliver and reports count); every
-- version it replaced, and every version that arrived too late to win, is kept here.
ALTER TABLE touches ADD COLUMN deleted boolean GENERATED ALWAYS AS (coalesce((payload->>'deleted')::boolean, false)) STORED;

CREATE TABLE touch_versions (
  touch_id text NOT NULL REFERENCES touches(id),
  org_id bigint NOT NULL REFERENCES orgs(id),
  user_id bigint NOT NULL REFERENCES users(id),
  device_id text NOT NULL,
  payload jsonb NOT NULL,
  payload_hash text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  -- Two devices may both make "version 2" with different content: both are kept.
  PRIMARY KEY (touch_id, payload_hash)
);
CREATE INDEX touch_versions_org ON touch_versions (org_id, touch_id);

-- Reports count current, undeleted touches only: the period indexes skip tombstones.
DROP INDEX touches_org_at;
DROP INDEX touches_org_client_at;
CREATE INDEX touches_org_at ON touches (org_id, at_ms) INCLUDE (user_id, team_id, kind) WHERE NOT deleted;
CREATE INDEX touches_org_client_at ON touches (org_id, client_key, at_ms) INCLUDE (kind) WHERE NOT deleted;
