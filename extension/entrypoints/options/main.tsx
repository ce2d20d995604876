import { i18n } from '#i18n';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadConnection, type Connection } from '../../connection';
import { applyUiLanguage } from '../../ui/direction';
import { ConnectForm } from './ConnectForm';
import { ConnectionCard } from './ConnectionCard';
import { DeadLetters } from './DeadLetters';
import { TeamSettingsForm } from './TeamSettingsForm';
import { Templates } from './Templates';
import '../../ui/base.css';
import './style.css';

function Options() {
  // undefined while storage is read, null when there is no connection.
  const [connection, setConnection] = useState<Connection | null>();
  const locale = i18n.t('lang');

  useEffect(() => {
    void loadConnection().then((stored) => setConnection(stored ?? null));
  }, []);

  return (
    <main class="options">
      <h1>{i18n.t('extName')}</h1>
      {connection === null && (
        <section class="card" aria-labelledby="connect-title">
          <h2 id="connect-title">{i18n.t('connectTitle')}</h2>
          <p class="muted">{i18n.t('connectIntro')}</p>
          <ConnectForm onConnected={setConnection} />
        </section>
      )}
      {connection && (
        <>
          <ConnectionCard connection={connection} onDisconnected={() => setConnection(null)} />
          <TeamSettingsForm key={connection.token} connection={connection} />
          <Templates key={connection.token} connection={connection} />
          <DeadLetters teamId={connection.team.id} locale={locale} />
        </>
      )}
    </main>
  );
}

applyUiLanguage();
const root = document.getElementById('app');
if (root) render(<Options />, root);
