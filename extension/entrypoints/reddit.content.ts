import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '../overlay/run';
import { matchesOf } from '../sites/hosts';
import { adapter } from '../sites/reddit';

export default defineContentScript({
  matches: matchesOf('reddit'),
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, adapter),
});
