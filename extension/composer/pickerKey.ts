// Ctrl+Shift+Space in a recognized composer opens the template picker; the pick is inserted
// where the caret was, through the site's editor.
import type { ComposerHost } from './host';
import { editorRoot, insertText } from './insert';
import { composerFor, itemForComposer } from './item';
import { openPicker } from './Picker';
import { insertedTemplates } from './shortcuts';

type Saved = { kind: 'range'; range: Range } | { kind: 'text'; start: number; end: number } | undefined;

function saveCaret(root: Element): Saved {
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

export function watchPicker(host: ComposerHost): void {
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.code !== 'Space' || !event.ctrlKey || !event.shiftKey || event.altKey || event.metaKey) return;
      const target = event.composedPath()[0];
      if (!(target instanceof Element)) return;
      const root = editorRoot(target);
      const composer = composerFor(host.adapter, root);
      if (!composer) return;
      event.preventDefault();
      event.stopPropagation();
      const saved = saveCaret(root);
      const page = host.page();
      const found = itemForComposer(host.adapter, composer);
      const described = found ? host.describe(found.item.itemKey) : undefined;
      const author = found?.item.author;
      void openPicker(root, {
        templates: page.templates,
        item: { platform: host.platform, ...(described ? { category: described.category, lang: described.lang } : {}) },
        context: {
          agent: { name: page.memberName },
          brand: page.teamName,
          platform: host.platform,
          ...(author && (author.name || author.handle) ? { author: { ...(author.name ? { name: author.name } : {}), ...(author.handle ? { handle: author.handle } : {}) } } : {}),
          ...(found?.item.url ? { item: { url: found.item.url } } : {}),
        },
      }).then(async (picked) => {
        restoreCaret(root, saved);
        if (!picked) return;
        // Let the editor take the focus back before inserting.
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const result = await insertText(root, picked.text);
        if (result.ok) insertedTemplates.set(root, picked.template.id);
      });
    },
    { capture: true, signal: host.signal },
  );
}
