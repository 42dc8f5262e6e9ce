-- Tokens may expire: NULL keeps the old behaviour (valid until revoked).
ALTER TABLE tokens ADD COLUMN expires_at timestamptz;
