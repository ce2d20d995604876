import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { type ComposerHost, COMPOSER_HOST } from '../composer/host';
import { watchComposers } from '../composer/assist';
import { watchSubmits } from '../composer/capture';
import { editorRoot } from '../composer/insert';
import { itemForComposer } from '../composer/item';
import { watchPicker } from '../composer/pickerKey';
import { insertedTemplates, watchShortcuts } from '../composer/shortcuts';
import { sendMessage } from '../messaging';

// The composer's code, injected by the background into a site tab the first time the member
// focuses a reply box there (see overlay/run.ts), so pages where nobody replies never load it.
// It runs in the content script's isolated world and finds what it needs where the content
// script left it: template shortcuts, the picker and its button, the brand-voice meter, the
// traffic cop, and the capture of every reply sent.
export default defineUnlistedScript(() => {
  const host = (globalThis as Record<string, unknown>)[COMPOSER_HOST] as ComposerHost | undefined;
  if (!host || host.started) return;
  host.started = true;
  // X counts length its own way (twitter-text, ~35 KB gzip): only X tabs load it.
  if (host.platform === 'x') sendMessage('loadComposer', { part: 'voice-x' }).catch(() => undefined);
  watchShortcuts(host);
  watchPicker(host);
  // Before capture's listeners: the traffic cop holds a submit on window, ahead of them.
  const assist = watchComposers(host);
  watchSubmits({
    ...host,
    templateOf: (composer) => insertedTemplates.get(editorRoot(composer)),
    itemFor: (composer) => itemForComposer(host.adapter, composer),
    voiceScore: (composer, text) => assist.voiceScore(composer, text),
  });
  // The focus that loaded this script already happened: give that reply box its bar now.
  assist.attachFocused();
});
