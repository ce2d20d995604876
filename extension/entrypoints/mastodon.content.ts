import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '../overlay/run';
import { adapter } from '../sites/mastodon';

// Mastodon runs on any instance, so this script is not in the manifest: the background
// registers it for the instances the member added and granted (see mastodonScripts.ts).
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, adapter),
});
