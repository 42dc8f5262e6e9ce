-- Created now so migrations stay linear; the email-tracking and compliance issues fill them in.
CREATE TABLE tracked_emails (
  id text PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES orgs(id),
  user_id bigint NOT NULL REFERENCES users(id),
  token_hash text NOT NULL UNIQUE,
  client_key text,
  subject text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  seq bigint NOT NULL DEFAULT nextval('change_seq')
);

CREATE TABLE email_opens (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tracked_email_id text NOT NULL REFERENCES tracked_emails(id),
  org_id bigint NOT NULL REFERENCES orgs(id),
  opened_at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL DEFAULT 'unknown',
  user_agent text,
  seq bigint NOT NULL DEFAULT nextval('change_seq')
);
CREATE INDEX email_opens_org_seq ON email_opens (org_id, seq);

CREATE TABLE compliance_snapshots (
  id text PRIMARY KEY,
  org_id bigint NOT NULL REFERENCES orgs(id),
  user_id bigint NOT NULL REFERENCES users(id),
  client_key text NOT NULL,
  taken_at timestamptz NOT NULL,
  data jsonb NOT NULL,
  seq bigint NOT NULL DEFAULT nextval('change_seq')
);
CREATE INDEX compliance_snapshots_org_seq ON compliance_snapshots (org_id, seq);
