import { i18n } from '#i18n';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadConnection, type Connection } from '../../connection';
import { applyUiLanguage } from '../../ui/direction';
import { ConnectForm } from './ConnectForm';
import '../../ui/base.css';
import './style.css';
import { isolate } from '../../ui/isolate';

function Options() {
  const [connection, setConnection] = useState<Connection>();

  useEffect(() => {
    void loadConnection().then(setConnection);
  }, []);

  return (
    <main class="options">
      <h1>{i18n.t('extName')}</h1>
      <section aria-labelledby="connect-title">
        <h2 id="connect-title">{i18n.t('connectTitle')}</h2>
        <p class="muted">{i18n.t('connectIntro')}</p>
        <ConnectForm onConnected={setConnection} />
        {connection && (
          <p class="notice ok" role="status">
            {i18n.t('connectedAs', { team: isolate(connection.team.name), member: isolate(connection.member.name) })}
          </p>
        )}
      </section>
    </main>
  );
}

applyUiLanguage();
const root = document.getElementById('app');
if (root) render(<Options />, root);
