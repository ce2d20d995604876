// Where Chorus works in this browser: each site on or off and, with several teams
// connected, the brand a site's work counts for, with exceptions per signed-in account.
// These are this browser's choices (storage.local), saved as soon as they change.
import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PLATFORMS, type Platform } from '../../../shared/schemas';
import { loadSitePrefs, normalizeHandle, normalizeInstance, saveSitePrefs, SITE_PREFS_KEY, type SitePrefs } from '../../brands';
import { instanceOrigin } from '../../mastodonScripts';
import type { Connection } from '../../connection';
import { PLATFORM_NAMES } from '../../../shared/platforms';

export function Sites({ connections }: { connections: Connection[] }) {
  const [prefs, setPrefs] = useState<SitePrefs>();
  const [failed, setFailed] = useState(false);
  const several = connections.length > 1;

  useEffect(() => {
    const reload = () => void loadSitePrefs().then(setPrefs);
    reload();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SITE_PREFS_KEY in changes) reload();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  async function change(next: SitePrefs) {
    setPrefs(next);
    try {
      await saveSitePrefs(next);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }

  if (!prefs) return null;

  const toggle = (platform: Platform, on: boolean) =>
    change({ ...prefs, disabled: on ? prefs.disabled.filter((p) => p !== platform) : [...prefs.disabled, platform] });
  const chooseTeam = (platform: Platform, teamId: string) => {
    const siteTeams = { ...prefs.siteTeams };
    if (teamId) siteTeams[platform] = teamId;
    else delete siteTeams[platform];
    return change({ ...prefs, siteTeams });
  };

  return (
    <section class="card sites" aria-labelledby="sites-title">
      <h2 id="sites-title">{i18n.t('sitesTitle')}</h2>
      <p class="muted">{i18n.t(several ? 'sitesIntroBrands' : 'sitesIntro')}</p>
      <ul class={several ? 'site-list with-brands' : 'site-list'}>
        {PLATFORMS.map((platform) => {
          const on = !prefs.disabled.includes(platform);
          return (
            <li key={platform} class="site" data-platform={platform}>
              <label class="site-switch">
                <input type="checkbox" role="switch" checked={on} onChange={(event) => void toggle(platform, event.currentTarget.checked)} />
                <span>{PLATFORM_NAMES[platform]}</span>
              </label>
              {several && (
                <select
                  aria-label={i18n.t('siteBrandLabel', { site: PLATFORM_NAMES[platform] })}
                  value={prefs.siteTeams[platform] ?? ''}
                  disabled={!on}
                  onChange={(event) => void chooseTeam(platform, event.currentTarget.value)}
                >
                  <option value="">{i18n.t('siteBrandDefault', { team: connections[0]?.team.name ?? '' })}</option>
                  {connections.map((c) => (
                    <option key={c.team.id} value={c.team.id}>
                      {c.team.name}
                    </option>
                  ))}
                </select>
              )}
            </li>
          );
        })}
      </ul>
      {!prefs.disabled.includes('mastodon') && <MastodonInstances prefs={prefs} onChange={(next) => void change(next)} />}
      {several && <AccountRules prefs={prefs} connections={connections} onChange={(next) => void change(next)} />}
      {failed && (
        <p class="notice error" role="alert">
          {i18n.t('sitesSaveFailed')}
        </p>
      )}
    </section>
  );
}

/** Exceptions by signed-in account: "@kahawabora on X answers for Kahawa Bora". */
function AccountRules({ prefs, connections, onChange }: { prefs: SitePrefs; connections: Connection[]; onChange: (next: SitePrefs) => void }) {
  const [platform, setPlatform] = useState<Platform>('x');
  const [handle, setHandle] = useState('');
  const [teamId, setTeamId] = useState(connections[0]?.team.id ?? '');
  const [error, setError] = useState<string>();
  const teamName = (id: string) => connections.find((c) => c.team.id === id)?.team.name ?? '';

  function add(event: Event) {
    event.preventDefault();
    const normalized = normalizeHandle(handle);
    if (!normalized || normalized.length > 100 || /\s/.test(normalized)) {
      setError(i18n.t('accountHandleInvalid'));
      return;
    }
    setError(undefined);
    // One rule per account: a new one for the same account replaces the old.
    const others = prefs.accounts.filter((r) => !(r.platform === platform && r.handle === normalized));
    onChange({ ...prefs, accounts: [...others, { platform, handle: normalized, teamId }] });
    setHandle('');
  }

  return (
    <div class="account-rules">
      <h3>{i18n.t('accountsTitle')}</h3>
      <p class="muted small">{i18n.t('accountsIntro')}</p>
      {prefs.accounts.length > 0 && (
        <ul class="rules">
          {prefs.accounts.map((rule) => (
            <li key={`${rule.platform}:${rule.handle}`}>
              <span>
                <bdi dir="ltr">@{rule.handle}</bdi> · {PLATFORM_NAMES[rule.platform]} → <bdi>{teamName(rule.teamId)}</bdi>
              </span>
              <button
                type="button"
                class="secondary small"
                aria-label={i18n.t('accountRemove', { account: `@${rule.handle}` })}
                onClick={() => onChange({ ...prefs, accounts: prefs.accounts.filter((r) => r !== rule) })}
              >
                {i18n.t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="rule-form" onSubmit={add}>
        <div class="field">
          <label for="rule-platform">{i18n.t('accountSite')}</label>
          <select id="rule-platform" value={platform} onChange={(event) => setPlatform(event.currentTarget.value as Platform)}>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {PLATFORM_NAMES[p]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="rule-handle">{i18n.t('accountHandle')}</label>
          <input
            id="rule-handle"
            type="text"
            dir="ltr"
            spellcheck={false}
            autocomplete="off"
            placeholder="@handle"
            value={handle}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'rule-error' : undefined}
            onInput={(event) => setHandle(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="rule-team">{i18n.t('accountTeam')}</label>
          <select id="rule-team" value={teamId} onChange={(event) => setTeamId(event.currentTarget.value)}>
            {connections.map((c) => (
              <option key={c.team.id} value={c.team.id}>
                {c.team.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {i18n.t('accountAdd')}
        </button>
      </form>
      {error && (
        <p id="rule-error" class="notice error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Mastodon instances: each one asked for at run time (an optional host permission). */
function MastodonInstances({ prefs, onChange }: { prefs: SitePrefs; onChange: (next: SitePrefs) => void }) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string>();

  function add(event: Event) {
    event.preventDefault();
    const host = normalizeInstance(input);
    if (!host) {
      setError(i18n.t('mastodonInvalid'));
      return;
    }
    setError(undefined);
    // Asked straight from the click: browsers only show the prompt inside a user gesture.
    void browser.permissions.request({ origins: [instanceOrigin(host)] }).then(
      (granted) => {
        if (!granted) {
          setError(i18n.t('mastodonDenied', { host }));
          return;
        }
        if (!prefs.mastodonInstances.includes(host)) onChange({ ...prefs, mastodonInstances: [...prefs.mastodonInstances, host] });
        setInput('');
      },
      () => setError(i18n.t('mastodonDenied', { host })),
    );
  }

  function remove(host: string) {
    onChange({ ...prefs, mastodonInstances: prefs.mastodonInstances.filter((h) => h !== host) });
    void browser.permissions.remove({ origins: [instanceOrigin(host)] }).catch(() => undefined);
  }

  return (
    <div class="account-rules mastodon">
      <h3>{i18n.t('mastodonTitle')}</h3>
      <p class="muted small">{i18n.t('mastodonIntro')}</p>
      {prefs.mastodonInstances.length > 0 && (
        <ul class="rules">
          {prefs.mastodonInstances.map((host) => (
            <li key={host}>
              <bdi dir="ltr">{host}</bdi>
              <button type="button" class="secondary small" aria-label={i18n.t('mastodonRemove', { host })} onClick={() => remove(host)}>
                {i18n.t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="rule-form" onSubmit={add}>
        <div class="field">
          <label for="mastodon-instance">{i18n.t('mastodonInstance')}</label>
          <input
            id="mastodon-instance"
            type="text"
            dir="ltr"
            spellcheck={false}
            autocomplete="off"
            placeholder="mastodon.social"
            value={input}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'mastodon-error' : undefined}
            onInput={(event) => setInput(event.currentTarget.value)}
          />
        </div>
        <button type="submit" class="secondary">
          {i18n.t('mastodonAdd')}
        </button>
      </form>
      {error && (
        <p id="mastodon-error" class="notice error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
