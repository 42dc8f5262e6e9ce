-- Email tracking (issue 11). The two tables made in 003 were placeholders nothing wrote to;
-- they are replaced. See server/README.md "Email tracking" for what each column is for.
DROP TABLE email_opens;
DROP TABLE tracked_emails;

-- One random key per user: the first part of each of their pixel paths, so their own browser
-- can block their own pixels without blocking a colleague's.
CREATE TABLE tracking_senders (
  user_id bigint PRIMARY KEY REFERENCES users(id),
  sender_key text NOT NULL UNIQUE
);

-- A letter's id is the device's ULID, unique inside the organisation. Only an HMAC of the
-- pixel token is kept; the token is re-derived from the secret and token_salt when a create
-- request is retried, so a lost answer never strands a letter without its token.
CREATE TABLE tracked_emails (
  org_id bigint NOT NULL REFERENCES orgs(id),
  id text NOT NULL,
  user_id bigint NOT NULL REFERENCES users(id),
  team_id bigint REFERENCES teams(id),
  token_salt text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  request_hash text NOT NULL,
  subject text NOT NULL,
  recipients jsonb NOT NULL,
  client_key text,
  sent_at bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Counters cover every hit, stored or not: a flood is counted, not kept.
  hits_total bigint NOT NULL DEFAULT 0,
  hits_stored integer NOT NULL DEFAULT 0,
  opens integer NOT NULL DEFAULT 0,
  last_open_at timestamptz,
  last_stored_at timestamptz,
  last_touch_at timestamptz,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX tracked_emails_org_user ON tracked_emails (org_id, user_id, created_at);

-- Each stored hit keeps the facts the classifier used (never the bare address), so hits can
-- be classified again when the rules change.
CREATE TABLE tracked_email_hits (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id bigint NOT NULL,
  tracked_email_id text NOT NULL,
  at timestamptz NOT NULL,
  user_agent text NOT NULL,
  ip_hash text NOT NULL,
  network text,
  class text NOT NULL,
  counted boolean NOT NULL,
  reason text NOT NULL,
  classifier_version integer NOT NULL,
  FOREIGN KEY (org_id, tracked_email_id) REFERENCES tracked_emails (org_id, id)
);
CREATE INDEX tracked_email_hits_email_at ON tracked_email_hits (org_id, tracked_email_id, at);

-- Moments the sender's extension showed the sender this letter.
CREATE TABLE tracked_email_sender_views (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id bigint NOT NULL,
  tracked_email_id text NOT NULL,
  at timestamptz NOT NULL,
  FOREIGN KEY (org_id, tracked_email_id) REFERENCES tracked_emails (org_id, id)
);
CREATE INDEX tracked_email_sender_views_email_at ON tracked_email_sender_views (org_id, tracked_email_id, at);

-- HMACs of the addresses each user's authenticated requests came from, for "probably the sender".
CREATE TABLE sender_addresses (
  user_id bigint NOT NULL REFERENCES users(id),
  ip_hash text NOT NULL,
  last_seen timestamptz NOT NULL,
  PRIMARY KEY (user_id, ip_hash)
);
