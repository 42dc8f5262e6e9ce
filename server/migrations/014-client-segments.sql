-- Each client card's segment: the Pareto class the server computed from a year of won revenue
-- (server/src/segments/), and the class a head pinned by hand, which wins over it.
CREATE TABLE client_segments (
  org_id bigint NOT NULL REFERENCES orgs(id),
  client_key text NOT NULL,
  -- The team whose split ranked the card (NULL: cards of people outside any team).
  team_id bigint REFERENCES teams(id),
  computed_class text CHECK (computed_class IN ('top', 'a', 'b', 'c')),
  rank integer,
  ranked_of integer,
  revenue double precision,
  share double precision,
  computed_at bigint,
  pinned_class text CHECK (pinned_class IN ('top', 'a', 'b', 'c')),
  pinned_by bigint REFERENCES users(id),
  pinned_at bigint,
  seq bigint NOT NULL DEFAULT nextval('change_seq'),
  PRIMARY KEY (org_id, client_key)
);
CREATE INDEX client_segments_org_seq ON client_segments (org_id, seq);
CREATE INDEX client_segments_org_team ON client_segments (org_id, team_id);

-- One row per recomputation, so the nightly schedule knows when an organisation last ran.
CREATE TABLE segment_runs (
  org_id bigint NOT NULL REFERENCES orgs(id),
  ran_at bigint NOT NULL,
  clients integer NOT NULL,
  took_ms integer NOT NULL,
  PRIMARY KEY (org_id, ran_at)
);
