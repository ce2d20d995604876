// Where Chorus works in this browser: each site on or off and, with several teams
// connected, the brand a site's work counts for, with exceptions per signed-in account.
// These are this browser's choices (storage.local), saved as soon as they change.
import { i18n } from '#i18n';
import type { ComponentChildren } from 'preact';
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
    <RuleList
      title={i18n.t('accountsTitle')}
      intro={i18n.t('accountsIntro')}
      rows={prefs.accounts.map((rule) => ({
        key: `${rule.platform}:${rule.handle}`,
        label: (
          <span>
            <bdi dir="ltr">@{rule.handle}</bdi> · {PLATFORM_NAMES[rule.platform]} → <bdi>{teamName(rule.teamId)}</bdi>
          </span>
        ),
        removeLabel: i18n.t('accountRemove', { account: `@${rule.handle}` }),
        onRemove: () => onChange({ ...prefs, accounts: prefs.accounts.filter((r) => r !== rule) }),
      }))}
      onSubmit={add}
      submitLabel={i18n.t('accountAdd')}
      error={error}
      errorId="rule-error"
    >
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
    </RuleList>
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
    <RuleList
      class="mastodon"
      title={i18n.t('mastodonTitle')}
      intro={i18n.t('mastodonIntro')}
      rows={prefs.mastodonInstances.map((host) => ({
        key: host,
        label: <bdi dir="ltr">{host}</bdi>,
        removeLabel: i18n.t('mastodonRemove', { host }),
        onRemove: () => remove(host),
      }))}
      onSubmit={add}
      submitLabel={i18n.t('mastodonAdd')}
      error={error}
      errorId="mastodon-error"
    >
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
    </RuleList>
  );
}

interface RuleRow {
  key: string;
  label: ComponentChildren;
  removeLabel: string;
  onRemove: () => void;
}

/** A titled list of rules, each with its remove button, and the form that adds one. */
function RuleList(props: {
  class?: string;
  title: string;
  intro: string;
  rows: RuleRow[];
  onSubmit: (event: Event) => void;
  submitLabel: string;
  error: string | undefined;
  errorId: string;
  children: ComponentChildren;
}) {
  return (
    <div class={props.class ? `account-rules ${props.class}` : 'account-rules'}>
      <h3>{props.title}</h3>
      <p class="muted small">{props.intro}</p>
      {props.rows.length > 0 && (
        <ul class="rules">
          {props.rows.map((row) => (
            <li key={row.key}>
              {row.label}
              <button type="button" class="secondary small" aria-label={row.removeLabel} onClick={row.onRemove}>
                {i18n.t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="rule-form" onSubmit={props.onSubmit}>
        {props.children}
        <button type="submit" class="secondary">
          {props.submitLabel}
        </button>
      </form>
      {props.error && (
        <p id={props.errorId} class="notice error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
