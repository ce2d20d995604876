// In a recognized composer (the site adapter's `composers`), a template's shortcut followed
// by Tab or Space is replaced by the rendered template, through the site's own editor
// (insert.ts), so the site's state sees it. When the editor takes nothing, the text is on
// the clipboard and a short notice says to paste it.
import { i18n } from '#i18n';
import type { Platform } from '../../shared/schemas';
import { pickBody, renderTemplate } from '../../shared/templates';
import type { PageContext } from '../messaging';
import type { SiteAdapter } from '../sites/types';
import { editorRoot, insertText, shortcutBeforeCaret } from './insert';
import { composerFor, itemForComposer, templateContext } from './item';
import { templateForShortcut } from './pick';

type Enabled = Extract<PageContext, { enabled: true }>;

/** The template last inserted into each editor, for the reply's templateId. */
export const insertedTemplates = new WeakMap<Element, string>();

export function watchShortcuts(options: {
  adapter: SiteAdapter;
  platform: Platform;
  page: () => Enabled;
  signal: AbortSignal;
}): void {
  const { adapter, platform, signal } = options;

  document.addEventListener(
    'keydown',
    (event) => {
      if ((event.key !== 'Tab' && event.key !== ' ') || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.composedPath()[0];
      if (!(target instanceof Element)) return;
      const root = editorRoot(target);
      const composer = composerFor(adapter, root);
      if (!composer) return;
      const typed = shortcutBeforeCaret(root);
      if (!typed) return;
      const page = options.page();
      const template = templateForShortcut(page.templates, typed.shortcut, document.documentElement.lang);
      if (!template) return;
      // Ours now: no tab to the next control, no space typed after the shortcut.
      event.preventDefault();
      event.stopPropagation();
      const rendered = renderTemplate(pickBody(template, platform), templateContext(page, platform, itemForComposer(adapter, composer)?.item));
      void insertText(root, rendered.text, { replace: { start: typed.start, end: typed.end } }).then((result) => {
        if (result.ok) insertedTemplates.set(root, template.id);
        else showPasteNotice();
      });
    },
    { capture: true, signal },
  );
}

/** "Copied: press Ctrl+V", for the editor that took nothing. In its own shadow root. */
function showPasteNotice(): void {
  const host = document.createElement('chorus-notice');
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('position', 'fixed', 'important');
  host.style.setProperty('inset-block-end', '24px', 'important');
  host.style.setProperty('inset-inline-start', '24px', 'important');
  host.style.setProperty('z-index', '2147483000', 'important');
  const root = host.attachShadow({ mode: 'open' });
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  box.setAttribute('dir', i18n.t('dir') === 'rtl' ? 'rtl' : 'ltr');
  box.textContent = i18n.t('composerPasteHint', { keys: navigator.platform.startsWith('Mac') ? '⌘V' : 'Ctrl+V' });
  box.style.cssText =
    'font: 500 13px/1.4 system-ui, sans-serif; color: #fff; background: #1b1d21; padding: 10px 14px; border-radius: 8px; box-shadow: 0 6px 20px rgb(0 0 0 / 25%);';
  root.append(box);
  document.documentElement.append(host);
  setTimeout(() => host.remove(), 6000);
}
