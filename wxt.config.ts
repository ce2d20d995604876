import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import type { Browser } from 'wxt/browser';
import { SUPPORTED_MATCHES } from './extension/sites/hosts';

// Origins a member can grant at run time: Mastodon instances and a self-hosted
// sync server (https anywhere, plus a server on this machine during development).
const OPTIONAL_ORIGINS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

// Firefox 140 (the oldest supported ESR) is the first with built-in data
// consent (142 on Android). It lists what is sent to the team's sync server:
// the member's name and item authors, what was answered and when, item URLs.
const GECKO = {
  id: 'chorus@chorus.team',
  strict_min_version: '140.0',
  data_collection_permissions: {
    required: ['personallyIdentifyingInfo', 'websiteActivity', 'websiteContent'],
  },
};

export default defineConfig({
  srcDir: 'extension',
  // CHORUS_OUT_DIR lets parallel work build into its own folder (e2e reads the same variable).
  outDir: process.env.CHORUS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: the Mastodon content script is registered for the instances a member grants.
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'scripting'],
    host_permissions: SUPPORTED_MATCHES,
    // MV2 has no optional_host_permissions: origins go in optional_permissions,
    // which WXT's (MV3-shaped) manifest type does not let hold origins.
    ...(manifestVersion === 3
      ? { optional_host_permissions: OPTIONAL_ORIGINS }
      : { optional_permissions: OPTIONAL_ORIGINS as Browser.runtime.ManifestOptionalPermission[] }),
    ...(browser === 'firefox' && {
      browser_specific_settings: { gecko: GECKO, gecko_android: { strict_min_version: '142.0' } },
    }),
  }),
});
