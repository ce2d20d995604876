import { i18n } from '#i18n';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { loadConnections, type Connection } from '../../connection';
import { applyUiLanguage } from '../../ui/direction';
import '../../ui/base.css';
import './style.css';
import { isolate } from '../../ui/isolate';
import { SummaryView } from './SummaryView';
import { SyncPanel } from './SyncPanel';

function Popup() {
  // undefined while storage is read.
  const [connections, setConnections] = useState<Connection[]>();
  const [chosenTeamId, setChosenTeamId] = useState<string>();
  // Bumped after "Sync now", so the figures include what was just sent.
  const [reloadKey, setReloadKey] = useState(0);
  const locale = i18n.t('lang');
  const rtl = i18n.t('dir') === 'rtl';

  useEffect(() => {
    void loadConnections().then(setConnections);
  }, []);
  // With several teams (brands), one team's figures at a time; the sync state covers all.
  const connection = connections && (connections.find((c) => c.team.id === chosenTeamId) ?? connections[0] ?? null);

  async function openOptions() {
    await browser.runtime.openOptionsPage();
    window.close();
  }

  return (
    <main class="popup">
      <header class="popup-head">
        <h1>{i18n.t('extName')}</h1>
        {connection && connections.length === 1 && (
          <p class="muted small team">
            {i18n.t('connectedAs', { team: isolate(connection.team.name), member: isolate(connection.member.name) })}
          </p>
        )}
        {connection && connections.length > 1 && (
          <select
            class="team-select"
            aria-label={i18n.t('teamPickerLabel')}
            value={connection.team.id}
            onChange={(event) => setChosenTeamId(event.currentTarget.value)}
          >
            {connections.map((c) => (
              <option key={c.team.id} value={c.team.id}>
                {c.team.name} · {c.member.name}
              </option>
            ))}
          </select>
        )}
      </header>
      {connection === null && (
        <div class="onboarding">
          <p>{i18n.t('notConnected')}</p>
          <button type="button" onClick={() => void openOptions()}>
            {i18n.t('openOptions')}
          </button>
        </div>
      )}
      {connection && (
        <>
          <SyncPanel locale={locale} onSynced={() => setReloadKey((n) => n + 1)} />
          <SummaryView key={connection.team.id} connection={connection} locale={locale} rtl={rtl} reloadKey={reloadKey} />
          <footer class="popup-foot">
            <button type="button" class="link" onClick={() => void openOptions()}>
              {i18n.t('openOptions')}
            </button>
          </footer>
        </>
      )}
    </main>
  );
}

applyUiLanguage();
const root = document.getElementById('app');
if (root) render(<Popup />, root);
