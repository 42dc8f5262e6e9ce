-- Touches are immutable facts: the device's ULID is the key, the first write wins.
CREATE TABLE touches (
  id text PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES orgs(id),
  user_id bigint NOT NULL REFERENCES users(id),
  team_id bigint REFERENCES teams(id),
  device_id text NOT NULL,
  client_key text NOT NULL,
  payload jsonb NOT NULL,
  payload_hash text NOT NULL,
  seq bigint NOT NULL DEFAULT nextval('change_seq'),
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX touches_org_seq ON touches (org_id, seq);
CREATE INDEX touches_org_client ON touches (org_id, client_key);

-- Client records are shared inside a team and last-writer-wins by updated_at.
CREATE TABLE clients (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES orgs(id),
  team_id bigint REFERENCES teams(id),
  key text NOT NULL,
  record jsonb NOT NULL,
  record_hash text NOT NULL,
  updated_at bigint NOT NULL,
  updated_by bigint NOT NULL REFERENCES users(id),
  seq bigint NOT NULL DEFAULT nextval('change_seq'),
  UNIQUE NULLS NOT DISTINCT (org_id, team_id, key)
);
CREATE INDEX clients_org_seq ON clients (org_id, seq);

CREATE TABLE playbook_versions (
  org_id bigint NOT NULL REFERENCES orgs(id),
  version integer NOT NULL,
  json jsonb NOT NULL,
  published_by bigint NOT NULL REFERENCES users(id),
  published_at timestamptz NOT NULL DEFAULT now(),
  seq bigint NOT NULL DEFAULT nextval('change_seq'),
  PRIMARY KEY (org_id, version)
);
CREATE INDEX playbook_versions_org_seq ON playbook_versions (org_id, seq);
