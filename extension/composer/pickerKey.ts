// The picker's key combination (Ctrl+Shift+Space unless the member chose another on the options
// page) in a recognized composer, or the Chorus button beside it, opens the template picker; the
// pick is inserted where the caret was, through the site's editor.
import { browser } from 'wxt/browser';
import type { ComposerHost } from './host';
import { editorRoot, insertText } from './insert';
import { composerFor, itemForComposer, templateContext } from './item';
import { openPicker } from './Picker';
import { DEFAULT_PICKER_KEY, type KeyCombo, matchesCombo, parseCombo, PICKER_KEY_STORAGE } from './keys';
import { insertedTemplates } from './shortcuts';

export type Saved = { kind: 'range'; range: Range } | { kind: 'text'; start: number; end: number } | undefined;

export function saveCaret(root: Element): Saved {
  if (root instanceof HTMLTextAreaElement || root instanceof HTMLInputElement) {
    return { kind: 'text', start: root.selectionStart ?? root.value.length, end: root.selectionEnd ?? root.value.length };
  }
  const selection = getSelection();
  return selection?.rangeCount && root.contains(selection.getRangeAt(0).startContainer) ? { kind: 'range', range: selection.getRangeAt(0).cloneRange() } : undefined;
}

function restoreCaret(root: Element, saved: Saved): void {
  (root as HTMLElement).focus();
  if (!saved) return;
  if (saved.kind === 'text') (root as HTMLTextAreaElement).setSelectionRange(saved.start, saved.end);
  else if (saved.range.startContainer.isConnected && root.contains(saved.range.startContainer)) {
    // Editors that re-render their DOM (Lexical, Draft) restore their own selection on focus;
    // a saved range is put back only while its nodes are still the editor's.
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(saved.range);
  }
}

/** Where the caret was in each editor when it last lost the focus (to the Chorus button, say). */
const caretAtBlur = new WeakMap<Element, Saved>();

/** Opens the picker for a reply box and inserts the pick where the caret was (`saved`, else
 * where it was when the editor last lost the focus). */
let picking = false;

export function pickInto(host: ComposerHost, root: Element, composer: Element, saved: Saved = caretAtBlur.get(root)): Promise<void> {
  // One picker at a time (a second Enter on the Chorus button before the first opened).
  if (picking) return Promise.resolve();
  picking = true;
  const page = host.page();
  const found = itemForComposer(host.adapter, composer);
  const described = found ? host.describe(found.item.itemKey) : undefined;
  return openPicker(root, {
    templates: page.templates,
    item: { platform: host.platform, ...(described ? { category: described.category, lang: described.lang } : {}) },
    context: templateContext(page, host.platform, found?.item),
  }).then(async (picked) => {
    picking = false;
    restoreCaret(root, saved);
    if (!picked) return;
    // Let the editor take the focus back before inserting.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const result = await insertText(root, picked.text);
    if (result.ok) insertedTemplates.set(root, picked.template.id);
  });
}

/** The picker's key combination: the member's choice (options page), else Ctrl+Shift+Space. */
let pickerKey: KeyCombo = DEFAULT_PICKER_KEY;

export function currentPickerKey(): KeyCombo {
  return pickerKey;
}

export function watchPicker(host: ComposerHost): void {
  const load = () =>
    browser.storage.local
      .get(PICKER_KEY_STORAGE)
      .then((stored) => (pickerKey = parseCombo(stored[PICKER_KEY_STORAGE])))
      .catch(() => undefined);
  void load();
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && PICKER_KEY_STORAGE in changes) void load();
  };
  browser.storage.onChanged.addListener(onChanged);
  host.signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged));

  document.addEventListener(
    'focusout',
    (event) => {
      const target = event.composedPath()[0];
      if (!(target instanceof Element)) return;
      const root = editorRoot(target);
      if (composerFor(host.adapter, root)) caretAtBlur.set(root, saveCaret(root));
    },
    { capture: true, signal: host.signal },
  );
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.isComposing || !matchesCombo(event, pickerKey)) return;
      const target = event.composedPath()[0];
      if (!(target instanceof Element)) return;
      const root = editorRoot(target);
      const composer = composerFor(host.adapter, root);
      if (!composer) return;
      event.preventDefault();
      event.stopPropagation();
      void pickInto(host, root, composer, saveCaret(root));
    },
    { capture: true, signal: host.signal },
  );
}
