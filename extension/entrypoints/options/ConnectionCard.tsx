// Who this browser is connected as, and a way to disconnect it (after a confirmation).
import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CONNECTION_KEY, type Connection } from '../../connection';
import { isolate } from '../../ui/isolate';

const ROLE_NAMES = {
  owner: () => i18n.t('roleOwner'),
  manager: () => i18n.t('roleManager'),
  member: () => i18n.t('roleMember'),
} as const;

export function ConnectionCard({ connection, onDisconnected }: { connection: Connection; onDisconnected: () => void }) {
  const [confirming, setConfirming] = useState(false);

  async function disconnect() {
    await browser.storage.local.remove(CONNECTION_KEY);
    onDisconnected();
  }

  return (
    <section class="card" aria-labelledby="connection-title">
      <h2 id="connection-title">{i18n.t('connectionTitle')}</h2>
      <p class="notice ok" role="status">
        {i18n.t('connectedAs', { team: isolate(connection.team.name), member: isolate(connection.member.name) })}
      </p>
      <dl class="facts">
        <div>
          <dt>{i18n.t('roleLabel')}</dt>
          <dd data-testid="connection-role">{ROLE_NAMES[connection.member.role]()}</dd>
        </div>
        <div>
          <dt>{i18n.t('serverLabel')}</dt>
          <dd>
            <span dir="ltr">{connection.serverUrl}</span>
          </dd>
        </div>
      </dl>
      {confirming ? (
        <div class="confirm" role="alertdialog" aria-labelledby="disconnect-question">
          <p id="disconnect-question">{i18n.t('disconnectConfirm', { team: isolate(connection.team.name) })}</p>
          <div class="actions">
            <button type="button" class="danger" onClick={() => void disconnect()}>
              {i18n.t('disconnect')}
            </button>
            <button type="button" class="secondary" autofocus onClick={() => setConfirming(false)}>
              {i18n.t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setConfirming(true)}>
            {i18n.t('disconnect')}
          </button>
        </div>
      )}
    </section>
  );
}
