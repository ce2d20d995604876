-- Chorus schema v1. Every change-tracked table carries (change_xid, change_seq):
-- the writing transaction's id and a global sequence value. Readers page by
-- (change_xid, change_seq) and only return rows whose change_xid is below the
-- oldest transaction still running (pg_snapshot_xmin), so a row committed late
-- can never fall behind a cursor that already moved on. See api/db/cursor.ts.

CREATE SEQUENCE change_seq;

CREATE TABLE teams (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  settings jsonb NOT NULL,
  settings_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE members (
  id uuid PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'manager', 'member')),
  created_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz
);
CREATE INDEX members_team ON members (team_id);

-- Bearer tokens: only the SHA-256 of the 32 random bytes is kept.
CREATE TABLE tokens (
  hash text PRIMARY KEY,
  team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX tokens_member ON tokens (member_id);

-- Invite codes, hashed like tokens; one live code per team and role, rotatable.
CREATE TABLE invites (
  team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('manager', 'member')),
  code_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, role)
);

CREATE TABLE interactions (
  team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  item_key text NOT NULL,
  platform text NOT NULL,
  kind text NOT NULL,
  item_url text,
  item_author text,
  item_posted_at timestamptz,
  seen_at timestamptz,
  acted_at timestamptz NOT NULL,
  response_ms bigint,
  category text,
  sentiment text,
  lang text,
  template_id uuid,
  voice_score smallint,
  text_length integer,
  text text,
  received_at timestamptz NOT NULL DEFAULT now(),
  change_xid bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
  change_seq bigint NOT NULL DEFAULT nextval('change_seq'),
  PRIMARY KEY (team_id, id)
);
CREATE INDEX interactions_change ON interactions (team_id, change_xid, change_seq);
CREATE INDEX interactions_acted ON interactions (team_id, acted_at);

-- Items seen: the response-rate denominator. Upsert by key, earliest sighting wins.
CREATE TABLE items (
  team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  item_key text NOT NULL,
  platform text NOT NULL,
  category text,
  lang text,
  item_posted_at timestamptz,
  seen_at timestamptz NOT NULL,
  seen_by uuid REFERENCES members(id) ON DELETE SET NULL,
  change_xid bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
  change_seq bigint NOT NULL DEFAULT nextval('change_seq'),
  PRIMARY KEY (team_id, item_key)
);
CREATE INDEX items_change ON items (team_id, change_xid, change_seq);

CREATE TABLE templates (
  team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  categories text[] NOT NULL DEFAULT '{}',
  platforms text[] NOT NULL DEFAULT '{}',
  lang text,
  shortcut text,
  variants jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  deleted boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES members(id) ON DELETE SET NULL,
  change_xid bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
  change_seq bigint NOT NULL DEFAULT nextval('change_seq'),
  PRIMARY KEY (team_id, id)
);
CREATE INDEX templates_change ON templates (team_id, change_xid, change_seq);
-- A shortcut means one template per language in a team.
CREATE UNIQUE INDEX templates_shortcut ON templates (team_id, lower(shortcut), coalesce(lang, ''))
  WHERE shortcut IS NOT NULL AND NOT deleted;

CREATE TABLE voices (
  team_id uuid PRIMARY KEY REFERENCES teams(id) ON DELETE CASCADE,
  rules jsonb NOT NULL,
  version integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES members(id) ON DELETE SET NULL
);

CREATE TABLE claims (
  team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  item_key text NOT NULL,
  member_id uuid NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (team_id, item_key, member_id)
);
CREATE INDEX claims_live ON claims (team_id, expires_at);
