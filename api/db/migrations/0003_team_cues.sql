-- Team cues: phrases that decide an item's category for the whole team, made when a
-- manager corrects an item's category from its badge. Pulled by every member like
-- templates (change_xid, change_seq; see api/db/cursor.ts), tombstones included.

CREATE TABLE team_cues (
  team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  id uuid NOT NULL,
  phrase text NOT NULL,
  category text NOT NULL,
  lang text,
  created_by uuid REFERENCES members(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES members(id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted boolean NOT NULL DEFAULT false,
  change_xid bigint NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),
  change_seq bigint NOT NULL DEFAULT nextval('change_seq'),
  PRIMARY KEY (team_id, id)
);
CREATE INDEX team_cues_change ON team_cues (team_id, change_xid, change_seq);
-- One live cue per phrase (case-insensitive) and language in a team: a second correction
-- of the same phrase changes its category (POST /v1/cues upserts on this index).
CREATE UNIQUE INDEX team_cues_live ON team_cues (team_id, lower(phrase), coalesce(lang, ''))
  WHERE NOT deleted;
