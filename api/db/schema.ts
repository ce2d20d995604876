// Drizzle view of the tables created by ./migrations (the SQL files are the source of truth).
import { sql } from 'drizzle-orm';
import { bigint, boolean, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Category, Platform, TeamSettings, VoiceRules } from '../../shared/schemas.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const changeColumns = {
  changeXid: bigint('change_xid', { mode: 'number' }).notNull().default(sql`(pg_current_xact_id()::text::bigint)`),
  changeSeq: bigint('change_seq', { mode: 'number' }).notNull().default(sql`nextval('change_seq')`),
};

export const teams = pgTable('teams', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  settings: jsonb('settings').$type<TeamSettings>().notNull(),
  settingsVersion: integer('settings_version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const members = pgTable('members', {
  id: uuid('id').primaryKey(),
  teamId: uuid('team_id').notNull(),
  name: text('name').notNull(),
  role: text('role', { enum: ['owner', 'manager', 'member'] }).notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  removedAt: ts('removed_at'),
});

export const tokens = pgTable('tokens', {
  hash: text('hash').primaryKey(),
  teamId: uuid('team_id').notNull(),
  memberId: uuid('member_id').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  revokedAt: ts('revoked_at'),
});

export const invites = pgTable(
  'invites',
  {
    teamId: uuid('team_id').notNull(),
    role: text('role', { enum: ['manager', 'member'] }).notNull(),
    codeHash: text('code_hash').notNull().unique(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.role] })],
);

export const interactions = pgTable(
  'interactions',
  {
    teamId: uuid('team_id').notNull(),
    id: uuid('id').notNull(),
    memberId: uuid('member_id').notNull(),
    itemKey: text('item_key').notNull(),
    platform: text('platform').notNull(),
    kind: text('kind').notNull(),
    itemUrl: text('item_url'),
    itemAuthor: text('item_author'),
    itemPostedAt: ts('item_posted_at'),
    seenAt: ts('seen_at'),
    actedAt: ts('acted_at').notNull(),
    responseMs: bigint('response_ms', { mode: 'number' }),
    category: text('category'),
    sentiment: text('sentiment'),
    lang: text('lang'),
    templateId: uuid('template_id'),
    voiceScore: smallint('voice_score'),
    textLength: integer('text_length'),
    text: text('text'),
    receivedAt: ts('received_at').notNull().defaultNow(),
    ...changeColumns,
  },
  (t) => [primaryKey({ columns: [t.teamId, t.id] })],
);

export const items = pgTable(
  'items',
  {
    teamId: uuid('team_id').notNull(),
    itemKey: text('item_key').notNull(),
    platform: text('platform').notNull(),
    category: text('category'),
    lang: text('lang'),
    itemPostedAt: ts('item_posted_at'),
    seenAt: ts('seen_at').notNull(),
    seenBy: uuid('seen_by'),
    ...changeColumns,
  },
  (t) => [primaryKey({ columns: [t.teamId, t.itemKey] })],
);

export const templates = pgTable(
  'templates',
  {
    teamId: uuid('team_id').notNull(),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    categories: text('categories').array().notNull().default(sql`'{}'`),
    platforms: text('platforms').array().notNull().default(sql`'{}'`),
    lang: text('lang'),
    shortcut: text('shortcut'),
    variants: jsonb('variants').$type<Partial<Record<Platform, string>>>().notNull().default({}),
    version: integer('version').notNull().default(1),
    deleted: boolean('deleted').notNull().default(false),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    /** Null: shared with the team. Otherwise the only member who sees it (0002). */
    ownerId: uuid('owner_id'),
    ...changeColumns,
  },
  (t) => [primaryKey({ columns: [t.teamId, t.id] })],
);

export const voices = pgTable('voices', {
  teamId: uuid('team_id').primaryKey(),
  rules: jsonb('rules').$type<VoiceRules>().notNull(),
  version: integer('version').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const claims = pgTable(
  'claims',
  {
    teamId: uuid('team_id').notNull(),
    itemKey: text('item_key').notNull(),
    memberId: uuid('member_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.itemKey, t.memberId] })],
);

/** Team cues (0003): a phrase → category correction shared with the whole team. */
export const teamCues = pgTable(
  'team_cues',
  {
    teamId: uuid('team_id').notNull(),
    id: uuid('id').notNull(),
    phrase: text('phrase').notNull(),
    category: text('category').$type<Category>().notNull(),
    lang: text('lang'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    deleted: boolean('deleted').notNull().default(false),
    ...changeColumns,
  },
  (t) => [primaryKey({ columns: [t.teamId, t.id] })],
);

export const schema = { teams, members, tokens, invites, interactions, items, templates, voices, claims, teamCues };
