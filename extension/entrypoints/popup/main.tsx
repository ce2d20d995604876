import { i18n } from '#i18n';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { loadConnection, type Connection } from '../../connection';
import { applyUiLanguage } from '../../ui/direction';
import '../../ui/base.css';
import './style.css';
import { isolate } from '../../ui/isolate';

function Popup() {
  // undefined while storage is read, null when there is no connection.
  const [connection, setConnection] = useState<Connection | null>();

  useEffect(() => {
    void loadConnection().then((stored) => setConnection(stored ?? null));
  }, []);

  async function openOptions() {
    await browser.runtime.openOptionsPage();
    window.close();
  }

  return (
    <main class="popup">
      <h1>{i18n.t('extName')}</h1>
      {connection === null && <p>{i18n.t('notConnected')}</p>}
      {connection && (
        <p>{i18n.t('connectedAs', { team: isolate(connection.team.name), member: isolate(connection.member.name) })}</p>
      )}
      <button type="button" onClick={() => void openOptions()}>
        {i18n.t('openOptions')}
      </button>
    </main>
  );
}

applyUiLanguage();
const root = document.getElementById('app');
if (root) render(<Popup />, root);
