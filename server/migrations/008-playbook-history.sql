-- The sales book's history: a rollback republishes an earlier version as the newest one (so
-- every device pulls it like any publish) and says which version it restored.
ALTER TABLE playbook_versions ADD COLUMN restored_from integer;

-- One working draft per organisation, shared by its heads: the editor saves it, and the panel's
-- one-click stage mapping adds a CRM stage name to it. Managers never see it until published.
CREATE TABLE playbook_drafts (
  org_id bigint PRIMARY KEY REFERENCES orgs(id),
  json jsonb NOT NULL,
  updated_by bigint NOT NULL REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
