import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';

const SYNC_ALARM = 'chorus-sync';
const SYNC_PERIOD_MINUTES = 1;

export default defineBackground(() => {
  // Listeners are registered synchronously so a woken service worker sees the event that woke it.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) onSyncAlarm();
  });
  void ensureSyncAlarm();
});

/** Creates the sync alarm once; re-creating it on every wake-up would keep pushing it back. */
async function ensureSyncAlarm(): Promise<void> {
  if (await browser.alarms.get(SYNC_ALARM)) return;
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
}

// Hook for the push/pull client (extension/sync.ts), which a later issue adds.
function onSyncAlarm(): void {}
