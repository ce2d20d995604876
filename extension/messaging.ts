// The one message protocol between the background (which owns the Dexie store and the sync
// engine) and everything else: content scripts, popup, options. Content scripts cannot use
// the store directly, since their IndexedDB belongs to the page's origin.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ClassifierLexicon } from '../shared/classify-data';
import type { ClassifierModel } from '../shared/classify-model';
import type { FormatTables } from './ui/format';
import type { ZoneOffsets } from '../shared/metrics';
import type { Category, Interaction, Platform, Role, SeenItem, TeamSettings } from '../shared/schemas';
import type { BrandSource } from './brands';
import type { LocalTemplate, LocalVoice, OutboxKind } from './db';
import type { FlushResult, PullResult, SyncStatus } from './sync';

/** What one run did for one team. */
export interface TeamRun {
  teamId: string;
  flush: FlushResult;
  pull: PullResult;
}
/** What one "sync now" (or alarm) run did: per team, and all teams together (the worst
 * status, the counts summed) for a single line of status. */
export type SyncRun = { connected: false } | { connected: true; flush: FlushResult; pull: PullResult; teams: TeamRun[] };

/** The page a content script runs on: its site and, where the page shows it, the signed-in account. */
export interface PageRef {
  platform: Platform;
  account?: string;
}

/** A teammate's latest answer to an item, and who is replying to it now. */
export interface ItemStatus {
  /** When this browser first saw the item: the wait clock's start when the site shows no time. */
  firstSeenAt?: string;
  answered?: { memberName: string; at: string; kind: string; self: boolean };
  claimed?: { memberName: string; expiresAt: string; self: boolean };
}

/** What a content script needs to know about its page. */
export type PageContext =
  | { enabled: false; reason: 'site-off' | 'not-connected' }
  | {
      enabled: true;
      teamId: string;
      teamName: string;
      memberName: string;
      memberId: string;
      role: Role;
      /** Business hours and SLA targets, once pulled. */
      settings?: TeamSettings;
      /** Why this brand: a rule for the account, the site's brand, or the first team. */
      source: BrandSource;
      templates: LocalTemplate[];
      voice?: LocalVoice;
      /** The team's classifier cues (managers' corrections), for `classify(text, {teamCues})`. */
      teamCues: TeamCueRef[];
      /** Wait times and language names written out in the UI language (ui/format.ts), so
       * the page's badges need no Intl formatters of their own. */
      formats?: FormatTables;
      /** The team zone's offsets around now (shared/metrics.ts), for the wait times' business
       * hours without an Intl time-zone formatter in the page. */
      zone?: ZoneOffsets;
    };

/** A team cue as the classifier takes it (`TeamCue` in shared/classify.ts). */
export interface TeamCueRef {
  phrase: string;
  category: Category;
  lang?: string;
}

export interface SyncState {
  connected: boolean;
  /** Records waiting for the server, per outbox. */
  pending: Record<OutboxKind, number>;
  /** ISO time of the last run where both push and pull finished. */
  lastSyncAt?: string;
  /** The last run's worst status other than 'done'/'busy'; 'unauthorized' means "reconnect". */
  lastStatus?: SyncStatus;
  lastError?: string;
  /** Epoch ms of the next automatic retry, while backing off. */
  retryAt?: number;
}

export interface ProtocolMap {
  /** Stores the interaction for the page's brand and queues it; answers once it is stored. */
  recordInteraction(data: { interaction: Interaction; account?: string }): void;
  recordItemSeen(data: { item: SeenItem; account?: string }): void;
  /** Many sightings at once (a page of comments): one message, one transaction. */
  recordItemsSeen(data: { items: SeenItem[]; account?: string }): void;
  /** What the team is doing on these items: the latest answer and live claims (teammates'). */
  itemStatus(data: { teamId: string; itemKeys: string[] }): Record<string, ItemStatus>;
  /** Push then pull now, ignoring the push backoff (the member asked for it); all teams
   * unless one is named. */
  syncNow(data: { teamId?: string }): SyncRun;
  /** One team's sync state, or all teams together. */
  syncState(data: { teamId?: string }): SyncState;
  /** Live (not deleted) templates of a team (default: the first connected); empty when not connected. */
  listTemplates(data: { teamId?: string }): LocalTemplate[];
  /** Questions and complaints seen in this browser that nobody on the team answered yet. */
  waitingItems(data: { teamId: string }): { count: number; oldestSeenAt?: string };
  /** The brand, templates and voice for a page, or why Chorus stays off there. */
  pageContext(page: PageRef): PageContext;
  /** A site tab is in front: while these keep coming, templates and activity are pulled
   * every few seconds instead of every minute. Answers whether Chorus is on for the site. */
  siteActive(page: PageRef): boolean;
  /** A manager corrects an item's category from its badge: the phrase becomes a team cue for
   * every member (POST /v1/cues with the member's token), then a pull applies it here at
   * once. A member, or a refusal by the server, gets ok:false with the server's message. */
  correctCategory(data: { teamId: string; phrase: string; category: Category; lang?: string; itemKey?: string }): { ok: true } | { ok: false; message: string };
  /** The member started a reply to an item: claim it for the team (teammates see "replying"). */
  claimItem(data: { teamId: string; itemKey: string }): { ok: true } | { ok: false; message: string };
  /** A site tab's member focused a reply box: inject the composer script into that tab (or,
   * asked by the composer script on X, the voice-x script with X's length counting). */
  loadComposer(data: { part?: 'voice-x' }): void;
  /** The classifier's trained weights (shared/classify-model.json), kept out of the content scripts' bundles. */
  classifierModel(): ClassifierModel;
  /** The classifier's word lists (shared/classify-data.ts), likewise: a content script's rules wait for them. */
  classifierLexicon(): ClassifierLexicon;
  /** Background → a site tab: a team's activity or templates changed. */
  teamChanged(data: { teamId: string }): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
