// Wire schemas shared by the extension and the API. Types flow from here; field names
// are part of the v1 contract in DESIGN.md.
import { z } from 'zod';

import { ACTIONABLE_CATEGORIES, CATEGORIES, KINDS, LANG_TAG, PLATFORMS, RESPONSE_KINDS, ROLES, SENTIMENTS } from './constants.ts';

export { ACTIONABLE_CATEGORIES, CATEGORIES, KINDS, PLATFORMS, RESPONSE_KINDS, ROLES, SENTIMENTS };

export const Platform = z.enum(PLATFORMS);
export const Category = z.enum(CATEGORIES);
export const Sentiment = z.enum(SENTIMENTS);
export const Kind = z.enum(KINDS);
export const Role = z.enum(ROLES);
export type Platform = z.infer<typeof Platform>;
export type Category = z.infer<typeof Category>;
export type Sentiment = z.infer<typeof Sentiment>;
export type Kind = z.infer<typeof Kind>;
export type Role = z.infer<typeof Role>;

/** BCP 47 language tag as sites put it in `lang` (en, pt-BR, zh-Hant, fa-IR). */
export const LangTag = z
  .string()
  .max(35)
  .regex(LANG_TAG, 'a BCP 47 language tag such as "en" or "pt-BR"');

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/**
 * Whether the database stores `s` exactly as sent: PostgreSQL refuses NUL in text and jsonb,
 * and a lone surrogate is not Unicode (it would be stored as U+FFFD, silently changing it).
 */
export const isStorable = (s: string) => !s.includes('\u0000') && !LONE_SURROGATE.test(s);
/** A string the database can store as sent (see isStorable); every free-text input uses it. */
export const StorableText = () => z.string().refine(isStorable, 'must not contain NUL characters or lone surrogates');

export const ItemKey = StorableText()
  .min(3)
  .max(300)
  .regex(/^[a-z]+:\S+$/, '"platform:nativeId"');

const isoDateTime = () => z.iso.datetime({ offset: true });

const Name = StorableText()
  .trim()
  .min(1)
  .max(80)
  .refine((s) => ![...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f), 'must not contain control characters');

// ---------- teams and members ----------

/** "HH:MM", 24-hour clock, 00:00–24:00. */
const ClockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, '"HH:MM" (24-hour)');

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
export const TimeZone = z.string().min(1).max(64).refine(isTimeZone, 'an IANA time zone such as "Europe/Madrid"');

export const BusinessHours = z
  .object({
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).max(7),
    open: ClockTime,
    close: ClockTime,
  })
  .refine((b) => b.open < b.close, { message: 'open must be before close', path: ['close'] });
export type BusinessHours = z.infer<typeof BusinessHours>;

export const TeamSettings = z.object({
  timeZone: TimeZone,
  businessHours: BusinessHours,
  /** Reply-time target per actionable category, in business minutes. */
  slaMinutes: z.object({
    question: z.number().int().min(1).max(60 * 24 * 30),
    complaint: z.number().int().min(1).max(60 * 24 * 30),
  }),
  /** Whether members' reply text is synced to the server. Off by default (privacy). */
  syncReplyText: z.boolean(),
});
export type TeamSettings = z.infer<typeof TeamSettings>;

/** A change to some settings; slaMinutes may name one category only. */
export const TeamSettingsPatch = TeamSettings.extend({ slaMinutes: TeamSettings.shape.slaMinutes.partial() }).partial();
export type TeamSettingsPatch = z.infer<typeof TeamSettingsPatch>;

export const DEFAULT_TEAM_SETTINGS: TeamSettings = {
  timeZone: 'UTC',
  businessHours: { days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' },
  slaMinutes: { question: 60, complaint: 30 },
  syncReplyText: false,
};

export const Team = z.object({ id: z.uuid(), name: z.string() });
export type Team = z.infer<typeof Team>;
export const TeamWithSettings = Team.extend({ settings: TeamSettings, settingsVersion: z.number().int() });
export type TeamWithSettings = z.infer<typeof TeamWithSettings>;
export const Member = z.object({ id: z.uuid(), name: z.string(), role: Role });
export type Member = z.infer<typeof Member>;

export const JoinAnswer = z.object({ team: Team, member: Member, token: z.string() });
export type JoinAnswer = z.infer<typeof JoinAnswer>;

export const CreateTeamBody = z.object({
  name: Name,
  ownerName: Name,
  settings: TeamSettingsPatch.optional(),
});
export const JoinBody = z.object({ code: StorableText().trim().min(8).max(64), name: Name });
export const UpdateTeamBody = z
  .object({ name: Name.optional(), settings: TeamSettingsPatch.optional() })
  .refine((b) => b.name !== undefined || b.settings !== undefined, 'nothing to change');
export const UpdateMemberBody = z.object({ role: z.enum(['manager', 'member']) });
export const InviteRole = z.enum(['manager', 'member']);

// ---------- interactions and items ----------

export const Interaction = z
  .object({
    id: z.uuidv7(),
    itemKey: ItemKey,
    platform: Platform,
    kind: Kind,
    actedAt: isoDateTime(),
    itemUrl: z.url({ protocol: /^https?$/ }).max(2048).refine(isStorable, 'must not contain NUL characters or lone surrogates').optional(),
    itemAuthor: StorableText().max(200).optional(),
    itemPostedAt: isoDateTime().optional(),
    seenAt: isoDateTime().optional(),
    responseMs: z.number().int().min(0).max(366 * 24 * 3600 * 1000).optional(),
    category: Category.optional(),
    sentiment: Sentiment.optional(),
    lang: LangTag.optional(),
    templateId: z.uuid().optional(),
    voiceScore: z.number().int().min(0).max(100).optional(),
    textLength: z.number().int().min(0).max(100_000).optional(),
    text: StorableText().max(10_000).optional(),
  })
  .refine((i) => i.itemKey.startsWith(`${i.platform}:`), {
    message: 'itemKey must start with "<platform>:"',
    path: ['itemKey'],
  });
export type Interaction = z.infer<typeof Interaction>;

export const SeenItem = z
  .object({
    itemKey: ItemKey,
    platform: Platform,
    category: Category.optional(),
    lang: LangTag.optional(),
    itemPostedAt: isoDateTime().optional(),
    seenAt: isoDateTime(),
  })
  .refine((i) => i.itemKey.startsWith(`${i.platform}:`), {
    message: 'itemKey must start with "<platform>:"',
    path: ['itemKey'],
  });
export type SeenItem = z.infer<typeof SeenItem>;

export const MAX_BATCH = 500;
// Records are checked one by one so that one bad record rejects only itself.
export const PushInteractionsBody = z.object({ interactions: z.array(z.unknown()).max(MAX_BATCH) });
export const PushItemsBody = z.object({ items: z.array(z.unknown()).max(MAX_BATCH) });

export const PushInteractionsResult = z.object({
  accepted: z.array(z.string()),
  duplicate: z.array(z.string()),
  rejected: z.array(z.object({ id: z.string().nullable(), reason: z.string() })),
});
export type PushInteractionsResult = z.infer<typeof PushInteractionsResult>;
export const PushItemsResult = z.object({
  accepted: z.array(z.string()),
  duplicate: z.array(z.string()),
  rejected: z.array(z.object({ itemKey: z.string().nullable(), reason: z.string() })),
});
export type PushItemsResult = z.infer<typeof PushItemsResult>;

// ---------- templates and voice ----------

const TemplateBody = StorableText().min(1).max(5000);
export const TemplateInput = z.object({
  /** Optional client-made id so a template created offline keeps its id. */
  id: z.uuid().optional(),
  title: StorableText().trim().min(1).max(120),
  body: TemplateBody,
  categories: z.array(Category).max(CATEGORIES.length).default([]),
  platforms: z.array(Platform).max(PLATFORMS.length).default([]),
  lang: LangTag.nullable().default(null),
  shortcut: z
    .string()
    .regex(/^;[\p{L}\p{N}_-]{1,32}$/u, 'a ";" followed by 1–32 letters, digits, "_" or "-"')
    .nullable()
    .default(null),
  /** Per-platform wording that replaces `body` on that platform. */
  variants: z.partialRecord(Platform, TemplateBody).default({}),
  /** A private template is seen only by the member who made it; shared ones by the whole
   * team. A PUT replaces the whole template, so leaving this out on a PUT means `false`. */
  private: z.boolean().default(false),
});
export type TemplateInput = z.input<typeof TemplateInput>;

export const Template = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  categories: z.array(Category),
  platforms: z.array(Platform),
  lang: z.string().nullable(),
  shortcut: z.string().nullable(),
  variants: z.partialRecord(Platform, z.string()),
  version: z.number().int(),
  deleted: z.boolean(),
  updatedAt: z.string(),
  /** Defaults let a client read answers of a server from before private templates. */
  private: z.boolean().default(false),
  /** The member who owns a private template (always the caller); null for a shared one. */
  ownerId: z.uuid().nullable().default(null),
});
export type Template = z.infer<typeof Template>;

export const MAX_IMPORT = 500;
/** Entries are checked one by one so that every problem is reported at once. */
export const ImportTemplatesBody = z.object({ templates: z.array(z.unknown()).min(1).max(MAX_IMPORT) });
export const ImportProblem = z.object({ index: z.number().int(), field: z.string(), message: z.string() });
export type ImportProblem = z.infer<typeof ImportProblem>;
export const ImportTemplatesResult = z.object({ created: z.array(Template), updated: z.array(Template) });
export type ImportTemplatesResult = z.infer<typeof ImportTemplatesResult>;

export const VoiceRules = z.object({
  bannedTerms: z
    .array(z.object({ term: StorableText().trim().min(1).max(80), preferred: StorableText().trim().max(80).nullable() }))
    .max(500)
    .default([]),
  signOff: StorableText().max(80).nullable().default(null),
  emojiPolicy: z.enum(['none', 'sparing', 'free']).default('sparing'),
  maxExclamations: z.number().int().min(0).max(20).default(1),
  formality: z.enum(['casual', 'neutral', 'formal']).default('neutral'),
  /** Length limit per platform, in the platform's own counting (X: weighted, Bluesky: graphemes). */
  lengthByPlatform: z.partialRecord(Platform, z.number().int().min(1).max(100_000)).default({}),
});
export type VoiceRules = z.infer<typeof VoiceRules>;
export const Voice = VoiceRules.extend({ version: z.number().int(), updatedAt: z.string().nullable() });
export type Voice = z.infer<typeof Voice>;

// ---------- team cues ----------

/** A phrase that decides an item's category for the whole team: a manager's correction
 * from a badge. Compatible with `TeamCue` in shared/classify.ts ({phrase, category, lang?}). */
export const CuePhrase = StorableText()
  .trim()
  .min(1)
  .max(200)
  .refine((s) => !/\p{Cc}/u.test(s), 'must not contain control characters')
  // One spelling for one phrase: Vietnamese and Persian text may arrive decomposed.
  .transform((s) => s.normalize('NFC'));
export const TeamCueInput = z.object({
  phrase: CuePhrase,
  category: Category,
  lang: LangTag.optional(),
  /** The item whose badge was corrected; optional context, not stored. */
  itemKey: ItemKey.optional(),
});
export type TeamCueInput = z.input<typeof TeamCueInput>;
export const TeamCue = z.object({
  id: z.uuid(),
  phrase: z.string(),
  category: Category,
  lang: z.string().nullable(),
  deleted: z.boolean(),
  updatedAt: z.string(),
});
export type TeamCue = z.infer<typeof TeamCue>;

// ---------- activity and claims ----------

export const ClaimBody = z.object({ itemKey: ItemKey, ttlSeconds: z.number().int().min(5).max(3600) });
export const Claim = z.object({
  itemKey: z.string(),
  memberId: z.uuid(),
  memberName: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Claim = z.infer<typeof Claim>;
export const ActivityItem = z.object({
  itemKey: z.string(),
  memberId: z.uuid(),
  memberName: z.string(),
  kind: Kind,
  at: z.string(),
});
export type ActivityItem = z.infer<typeof ActivityItem>;

// ---------- queries and headers ----------

export const Cursor = z.string().max(200).regex(/^[A-Za-z0-9_-]*$/, 'a cursor returned by this API');
export const PageQuery = z.object({
  since: Cursor.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

// Days whose midnights and following days are dates in every time zone (year 9999's last
// day is not: the day after it has no ISO date).
const IsoDate = z.iso.date().refine((d) => d >= '1970-01-01' && d <= '9998-12-31', 'a date from 1970-01-01 to 9998-12-31');
export const SummaryQuery = z
  .object({ from: IsoDate, to: IsoDate, tz: TimeZone.default('UTC') })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < 366, {
    message: 'at most 366 days',
    path: ['to'],
  });
export type SummaryQuery = z.infer<typeof SummaryQuery>;

export const AuthHeader = z.object({
  authorization: z
    .string({ error: 'Authorization: Bearer <token> is required' })
    .regex(/^Bearer [A-Za-z0-9_-]{20,100}$/i, 'Authorization: Bearer <token>'),
});
/** `If-Match: 3` or `If-Match: "3"` (an ETag carrying the version). */
export const IfMatchHeader = z.object({
  'if-match': z
    .string({ error: 'If-Match: <version> is required' })
    .regex(/^(W\/)?"?\d{1,9}"?$/, 'If-Match: <version>')
    .transform((v) => Number(v.replace(/\D/g, ''))),
});

// ---------- errors ----------

export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'version_conflict',
  'payload_too_large',
  'rate_limited',
  'signup_closed',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export const ApiError = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), field: z.string().optional() }),
});
export type ApiError = z.infer<typeof ApiError>;
