import { i18n } from '#i18n';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CONNECTIONS_KEY, loadConnections, type Connection } from '../../connection';
import { applyUiLanguage } from '../../ui/direction';
import { ConnectForm } from './ConnectForm';
import { DeadLetters } from './DeadLetters';
import { PickerShortcut } from './PickerShortcut';
import { Sites } from './Sites';
import { TeamPicker } from './TeamPicker';
import { Teams } from './Teams';
import { TeamSettingsForm } from './TeamSettingsForm';
import { Templates } from './Templates';
import { VoiceEditor } from './VoiceEditor';
import '../../ui/base.css';
import './style.css';

function Options() {
  // undefined while storage is read.
  const [connections, setConnections] = useState<Connection[]>();
  const [chosenTeamId, setChosenTeamId] = useState<string>();
  const locale = i18n.t('lang');

  useEffect(() => {
    const reload = () => void loadConnections().then(setConnections);
    reload();
    // Connecting or disconnecting (here or in another tab) updates the page.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && CONNECTIONS_KEY in changes) reload();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  // The team whose settings, templates and voice are shown; the first one unless chosen.
  const team = connections?.find((c) => c.team.id === chosenTeamId) ?? connections?.[0];

  return (
    <main class="options">
      <h1>{i18n.t('extName')}</h1>
      {connections?.length === 0 && (
        <section class="card" aria-labelledby="connect-title">
          <h2 id="connect-title">{i18n.t('connectTitle')}</h2>
          <p class="muted">{i18n.t('connectIntro')}</p>
          <ConnectForm onConnected={() => undefined} />
        </section>
      )}
      {connections && team && (
        <>
          <Teams connections={connections} />
          <Sites connections={connections} />
          <PickerShortcut />
          {connections.length > 1 && <TeamPicker connections={connections} value={team.team.id} onChange={setChosenTeamId} />}
          <TeamSettingsForm key={team.token} connection={team} />
          <Templates key={team.token} connection={team} />
          <VoiceEditor key={`voice-${team.token}`} connection={team} locale={locale} />
          <DeadLetters key={team.team.id} teamId={team.team.id} locale={locale} />
        </>
      )}
    </main>
  );
}

applyUiLanguage();
const root = document.getElementById('app');
if (root) render(<Options />, root);
