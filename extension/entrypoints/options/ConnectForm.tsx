import { i18n } from '#i18n';
import { useState } from 'preact/hooks';
import {
  DEFAULT_SERVER_URL,
  joinTeam,
  normalizeServerUrl,
  saveConnection,
  type Connection,
  type JoinFailure,
} from '../../connection';
import { isolate } from '../../ui/isolate';

interface Props {
  onConnected: (connection: Connection) => void;
}

/** Redeems an invite code on the team's server and stores the resulting connection. */
export function ConnectForm({ onConnected }: Props) {
  const [serverUrl, setServerUrl] = useState(DEFAULT_SERVER_URL);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function connect(event: Event) {
    event.preventDefault();
    const baseUrl = normalizeServerUrl(serverUrl);
    if (!baseUrl) {
      setError(i18n.t('errorServerUrl'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const result = await joinTeam(baseUrl, code.trim(), name.trim());
      if (result.ok) {
        await saveConnection(result.connection);
        onConnected(result.connection);
      } else {
        setError(describeFailure(result.failure, baseUrl));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void connect(event)} aria-busy={busy}>
      <div class="field">
        <label for="server-url">{i18n.t('serverUrl')}</label>
        <input
          id="server-url"
          type="url"
          required
          autocomplete="url"
          value={serverUrl}
          onInput={(event) => setServerUrl(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="invite-code">{i18n.t('inviteCode')}</label>
        <input
          id="invite-code"
          class="code"
          type="text"
          required
          autocomplete="off"
          spellcheck={false}
          value={code}
          onInput={(event) => setCode(event.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="member-name">{i18n.t('yourName')}</label>
        <input
          id="member-name"
          type="text"
          dir="auto"
          required
          autocomplete="name"
          value={name}
          onInput={(event) => setName(event.currentTarget.value)}
        />
      </div>
      <button type="submit" disabled={busy}>
        {i18n.t('connect')}
      </button>
      {busy && <span class="muted"> {i18n.t('connecting')}</span>}
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function describeFailure(failure: JoinFailure, serverUrl: string): string {
  switch (failure.kind) {
    case 'api':
      return failure.message;
    case 'unreachable':
      return i18n.t('errorUnreachable', { url: isolate(serverUrl) });
    case 'unexpected':
      return i18n.t('errorUnexpected', { status: failure.status });
  }
}
