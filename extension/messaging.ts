// The one message protocol between the background (which owns the Dexie store and the sync
// engine) and everything else: content scripts, popup, options. Content scripts cannot use
// the store directly, since their IndexedDB belongs to the page's origin.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Interaction, SeenItem } from '../shared/schemas';
import type { LocalTemplate, OutboxKind } from './db';
import type { FlushResult, PullResult, SyncStatus } from './sync';

/** What one "sync now" (or alarm) run did; absent parts mean there was no connection. */
export type SyncRun = { connected: false } | { connected: true; flush: FlushResult; pull: PullResult };

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
  /** Stores the interaction and queues it for the server; answers once it is stored. */
  recordInteraction(interaction: Interaction): void;
  recordItemSeen(item: SeenItem): void;
  /** Push then pull now, ignoring the push backoff (the member asked for it). */
  syncNow(): SyncRun;
  syncState(): SyncState;
  /** Live (not deleted) templates of the connected team; empty when not connected. */
  listTemplates(): LocalTemplate[];
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
