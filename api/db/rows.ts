// How pushed records are stored: one mapping for the API and the benchmark's raw baseline.
import type { Interaction, SeenItem } from '../../shared/schemas.ts';
import type { interactions, items } from './schema.ts';

const date = (iso: string | undefined) => (iso === undefined ? null : new Date(iso));

export function interactionRow(
  i: Interaction,
  teamId: string,
  memberId: string,
  keepText: boolean,
): typeof interactions.$inferInsert {
  return {
    teamId,
    id: i.id,
    memberId,
    itemKey: i.itemKey,
    platform: i.platform,
    kind: i.kind,
    itemUrl: i.itemUrl ?? null,
    itemAuthor: i.itemAuthor ?? null,
    itemPostedAt: date(i.itemPostedAt),
    seenAt: date(i.seenAt),
    actedAt: new Date(i.actedAt),
    responseMs: i.responseMs ?? null,
    category: i.category ?? null,
    sentiment: i.sentiment ?? null,
    lang: i.lang ?? null,
    templateId: i.templateId ?? null,
    voiceScore: i.voiceScore ?? null,
    textLength: i.textLength ?? i.text?.length ?? null,
    // Reply text is kept only when the team chose to sync it.
    text: keepText ? (i.text ?? null) : null,
  };
}

/** An item seen, as first recorded; the upsert in routes/interactions.ts merges later sightings. */
export function itemRow(i: SeenItem, teamId: string, memberId: string): typeof items.$inferInsert {
  return {
    teamId,
    itemKey: i.itemKey,
    platform: i.platform,
    category: i.category ?? null,
    lang: i.lang ?? null,
    itemPostedAt: date(i.itemPostedAt),
    seenAt: new Date(i.seenAt),
    seenBy: memberId,
  };
}
