-- Private templates: a member's own templates beside the team's shared ones.
-- owner_id NULL: shared with the whole team. Otherwise only that member sees the
-- template (its tombstone too). A removed member's private templates are deleted with
-- the removal (api/routes/teams.ts); the cascade covers members deleted outright.

ALTER TABLE templates ADD COLUMN owner_id uuid REFERENCES members(id) ON DELETE CASCADE;

-- A shortcut means one shared template per language in a team, and one private template
-- per language for each member. A member's private shortcut may equal a shared one: for
-- that member their own template overrides the shared one.
DROP INDEX templates_shortcut;
CREATE UNIQUE INDEX templates_shortcut_shared ON templates (team_id, lower(shortcut), coalesce(lang, ''))
  WHERE shortcut IS NOT NULL AND NOT deleted AND owner_id IS NULL;
CREATE UNIQUE INDEX templates_shortcut_private ON templates (team_id, owner_id, lower(shortcut), coalesce(lang, ''))
  WHERE shortcut IS NOT NULL AND NOT deleted AND owner_id IS NOT NULL;
CREATE INDEX templates_owner ON templates (owner_id) WHERE owner_id IS NOT NULL;
