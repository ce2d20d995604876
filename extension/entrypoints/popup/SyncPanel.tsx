// Always on top of the popup: what is waiting to be sent, when the last sync finished, what
// went wrong, and a "Sync now" button.
import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage, type SyncState } from '../../messaging';
import { formatCount, formatMoment } from '../../ui/format';

const REFRESH_MS = 5_000;

export function SyncPanel({ locale, onSynced }: { locale: string; onSynced: () => void }) {
  const [state, setState] = useState<SyncState>();
  const [syncing, setSyncing] = useState(false);
  const [failed, setFailed] = useState(false);

  const refresh = () =>
    sendMessage('syncState', {})
      .then(setState)
      .catch(() => setState(undefined));

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  async function syncNow() {
    setSyncing(true);
    setFailed(false);
    try {
      await sendMessage('syncNow', {});
      onSynced();
    } catch {
      setFailed(true);
    } finally {
      setSyncing(false);
      await refresh();
    }
  }

  async function reconnect() {
    await browser.runtime.openOptionsPage();
    window.close();
  }

  const pending = state ? state.pending.interactions + state.pending.items : 0;
  const unauthorized = state?.lastStatus === 'unauthorized';
  const problem = unauthorized
    ? i18n.t('syncUnauthorized')
    : state?.lastStatus === 'storage-full'
      ? i18n.t('syncStorageFull')
      : state?.lastStatus === 'retry'
        ? i18n.t('syncRetry', { error: state.lastError ?? i18n.t('syncUnknownError') })
        : failed
          ? i18n.t('syncFailed')
          : undefined;

  return (
    <section class="sync" aria-label={i18n.t('syncTitle')}>
      <div class="sync-row">
        <span class={`sync-dot ${problem ? 'bad' : pending > 0 ? 'busy' : 'good'}`} aria-hidden="true" />
        <div class="sync-text" aria-live="polite">
          <div data-testid="sync-last">
            {state?.lastSyncAt ? i18n.t('syncLastAt', { time: formatMoment(state.lastSyncAt, locale) }) : i18n.t('syncNever')}
          </div>
          <div class="muted small" data-testid="sync-pending">
            {pending > 0 ? i18n.t('syncPending', { count: formatCount(pending, locale) }) : i18n.t('syncNothingPending')}
          </div>
        </div>
        <button type="button" class="secondary" onClick={() => void syncNow()} disabled={syncing || !state?.connected}>
          {syncing ? i18n.t('syncing') : i18n.t('syncNow')}
        </button>
      </div>
      {problem && (
        <div class="notice error sync-problem" role="alert">
          <span>{problem}</span>
          {unauthorized && (
            <button type="button" onClick={() => void reconnect()}>
              {i18n.t('reconnect')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
