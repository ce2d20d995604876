import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContentScript } from '../overlay/run';
import { matchesOf } from '../sites/hosts';
import { adapter } from '../sites/linkedin';

export default defineContentScript({
  matches: matchesOf('linkedin'),
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, adapter),
});
