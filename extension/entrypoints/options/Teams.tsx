// The teams (brands) this browser is connected to: who it is connected as on each, a way
// to disconnect one (after a confirmation), and a form to connect another.
import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import { forgetTeam, loadSitePrefs, saveSitePrefs } from '../../brands';
import { removeConnection, type Connection } from '../../connection';
import { isolate } from '../../ui/isolate';
import { ConnectForm } from './ConnectForm';

const ROLE_NAMES = {
  owner: () => i18n.t('roleOwner'),
  manager: () => i18n.t('roleManager'),
  member: () => i18n.t('roleMember'),
} as const;

export function Teams({ connections }: { connections: Connection[] }) {
  const [adding, setAdding] = useState(false);
  return (
    <section class="card" aria-labelledby="connection-title">
      <div class="card-head">
        <h2 id="connection-title">{i18n.t(connections.length > 1 ? 'teamsTitle' : 'connectionTitle')}</h2>
        {!adding && (
          <button type="button" class="secondary small" onClick={() => setAdding(true)}>
            {i18n.t('teamAdd')}
          </button>
        )}
      </div>
      {connections.length > 1 && <p class="muted">{i18n.t('teamsIntro')}</p>}
      <ul class="teams">
        {connections.map((connection, index) => (
          <TeamRow key={connection.team.id} connection={connection} isDefault={index === 0 && connections.length > 1} />
        ))}
      </ul>
      {adding && (
        <div class="add-team">
          <h3>{i18n.t('teamAddTitle')}</h3>
          <ConnectForm onConnected={() => setAdding(false)} />
          <button type="button" class="link" onClick={() => setAdding(false)}>
            {i18n.t('cancel')}
          </button>
        </div>
      )}
    </section>
  );
}

function TeamRow({ connection, isDefault }: { connection: Connection; isDefault: boolean }) {
  const [confirming, setConfirming] = useState(false);

  async function disconnect() {
    await removeConnection(connection.team.id);
    await saveSitePrefs(forgetTeam(await loadSitePrefs(), connection.team.id));
  }

  return (
    <li class="team" data-team-id={connection.team.id}>
      <p class="notice ok" role="status">
        {i18n.t('connectedAs', { team: isolate(connection.team.name), member: isolate(connection.member.name) })}
        {isDefault && <span class="tag">{i18n.t('teamDefault')}</span>}
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
        <div class="confirm" role="alertdialog" aria-labelledby={`disconnect-${connection.team.id}`}>
          <p id={`disconnect-${connection.team.id}`}>{i18n.t('disconnectConfirm', { team: isolate(connection.team.name) })}</p>
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
    </li>
  );
}
