import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '../overlay/run';
import { matchesOf } from '../sites/hosts';
import { adapter } from '../sites/tiktok';

export default defineContentScript({
  matches: matchesOf('tiktok'),
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, adapter),
});
