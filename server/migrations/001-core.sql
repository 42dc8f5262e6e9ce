-- Organisations, teams, people and their tokens.
CREATE TABLE orgs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE teams (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES orgs(id),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, name)
);

CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES orgs(id),
  team_id bigint REFERENCES teams(id),
  email text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('manager', 'head', 'admin')),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Only the HMAC of a token is kept; the token itself is shown once when issued.
CREATE TABLE tokens (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- One sequence numbers every change a pull can return (touches, clients, playbooks), so a
-- cursor is one number. Rows are filtered by org, so each org sees an increasing subsequence.
CREATE SEQUENCE change_seq;
