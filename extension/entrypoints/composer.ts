import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { type ComposerHost, COMPOSER_HOST } from '../composer/host';
import { watchSubmits } from '../composer/capture';
import { editorRoot } from '../composer/insert';
import { itemForComposer } from '../composer/item';
import { watchPicker } from '../composer/pickerKey';
import { insertedTemplates, watchShortcuts } from '../composer/shortcuts';

// The composer's code, injected by the background into a site tab the first time the member
// focuses a reply box there (see overlay/run.ts), so pages where nobody replies never load it.
// It runs in the content script's isolated world and finds what it needs where the content
// script left it: template shortcuts, and the capture of every reply sent.
export default defineUnlistedScript(() => {
  const host = (globalThis as Record<string, unknown>)[COMPOSER_HOST] as ComposerHost | undefined;
  if (!host || host.started) return;
  host.started = true;
  watchShortcuts(host);
  watchPicker(host);
  watchSubmits({
    ...host,
    templateOf: (composer) => insertedTemplates.get(editorRoot(composer)),
    itemFor: (composer) => itemForComposer(host.adapter, composer),
  });
});
