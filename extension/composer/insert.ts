// Puts text into a site's own reply editor so that the editor's state (not only its DOM)
// takes it: the submit button enables, undo works. Each editor library listens to
// different events, so the strategy depends on the kind of editor; every attempt is
// verified against the editor's text, and nothing is ever inserted twice.
// Plain DOM code: it runs in the content script and, in the e2e fixtures, in the page.

export type EditorKind = 'draft' | 'lexical' | 'quill' | 'prosemirror' | 'textarea' | 'contenteditable';
export type InsertStrategy = 'insertText' | 'paste' | 'native-setter';
export type InsertResult = { ok: true; strategy: InsertStrategy } | { ok: false; strategy: 'clipboard'; reason: string };

export interface InsertOptions {
  /** Replace this range of the editor's text (offsets as in `editorText`), e.g. the typed ";thanks". */
  replace?: { start: number; end: number };
  /** Try these instead of the editor kind's usual order (a site that needs another, tests). */
  strategies?: InsertStrategy[];
}

type TextControl = HTMLTextAreaElement | HTMLInputElement;

/**
 * What each editor kind is tried with, in order. execCommand('insertText') goes through the
 * browser's editing pipeline (beforeinput/input, the native undo stack), which Lexical, Quill,
 * ProseMirror and React's onChange all follow. Draft.js mangles multi-character insertText
 * (it re-applies it from its own beforeinput handling) but handles paste itself. The native
 * value setter is the textarea fallback: React sees it, but the browser's undo does not.
 */
const PLAN: Record<EditorKind, InsertStrategy[]> = {
  draft: ['paste'],
  lexical: ['insertText', 'paste'],
  quill: ['insertText', 'paste'],
  prosemirror: ['insertText', 'paste'],
  textarea: ['insertText', 'native-setter'],
  contenteditable: ['insertText', 'paste'],
};

/**
 * Text with line breaks: execCommand('insertText') scrambles the lines' order in Lexical and
 * makes an empty paragraph of every newline in ProseMirror; their paste handlers split lines
 * the way the editor does when a member pastes.
 */
const MULTILINE_PLAN: Partial<Record<EditorKind, InsertStrategy[]>> = {
  lexical: ['paste'],
  prosemirror: ['paste', 'insertText'],
};

const isTextControl = (el: Element): el is TextControl => el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';

/** The element that holds the text: a textarea/input, or the outermost contenteditable. */
export function editorRoot(el: Element): Element {
  if (isTextControl(el)) return el;
  let host: Element | null = el.closest('[contenteditable]:not([contenteditable="false"])');
  if (!host) return el.querySelector('[contenteditable]:not([contenteditable="false"]), textarea, input') ?? el;
  for (let up = host.parentElement?.closest('[contenteditable]:not([contenteditable="false"])'); up; up = up.parentElement?.closest('[contenteditable]:not([contenteditable="false"])')) {
    host = up;
  }
  return host;
}

export function detectEditor(el: Element): EditorKind {
  const root = editorRoot(el);
  if (isTextControl(root)) return 'textarea';
  if (root.matches('.public-DraftEditor-content') || root.querySelector('[data-contents="true"]')) return 'draft';
  if (root.matches('[data-lexical-editor]')) return 'lexical';
  if (root.matches('.ql-editor')) return 'quill';
  if (root.matches('.ProseMirror')) return 'prosemirror';
  return 'contenteditable';
}

// ---- the editor's text as one string, and offsets in it mapped to DOM points ----

const BLOCK_TAGS = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'TR', 'SECTION', 'ARTICLE']);

interface Segment {
  node: Text;
  start: number;
}

interface TextModel {
  text: string;
  segments: Segment[];
}

function blockOf(node: Node, root: Element): Node {
  for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
    if (BLOCK_TAGS.has(el.tagName)) return el;
  }
  return root;
}

/** Text nodes in order; a newline between blocks and for each <br> that is not a block's
 * trailing placeholder (Lexical, Quill, ProseMirror and Draft all keep one in empty lines). */
function textModel(root: Element): TextModel {
  const segments: Segment[] = [];
  let text = '';
  let lastBlock: Node | undefined;
  const enter = (node: Node) => {
    const block = blockOf(node, root);
    if (lastBlock !== undefined && block !== lastBlock && text !== '' && !text.endsWith('\n')) text += '\n';
    lastBlock = block;
  };
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const textNode = node as Text;
      if (textNode.data === '') continue;
      enter(textNode);
      segments.push({ node: textNode, start: text.length });
      text += textNode.data;
    } else if ((node as Element).tagName === 'BR') {
      enter(node);
      if (node.nextSibling) text += '\n';
    }
  }
  return { text, segments };
}

export function editorText(el: Element): string {
  const root = editorRoot(el);
  return isTextControl(root) ? root.value : textModel(root).text;
}

function offsetOfPoint(root: Element, model: TextModel, node: Node, offset: number): number {
  if (node.nodeType === Node.TEXT_NODE) {
    const segment = model.segments.find((s) => s.node === node);
    if (segment) return segment.start + offset;
  }
  // An element point (before its offset-th child): the first text at or after it.
  const point = root.ownerDocument.createRange();
  point.setStart(node, offset);
  const after = model.segments.find((s) => point.comparePoint(s.node, 0) >= 0);
  return after ? after.start : model.text.length;
}

/** The caret's offset in `editorText(el)` (the selection's focus), or undefined when the
 * selection is not in the editor. */
export function caretOffset(el: Element): number | undefined {
  const root = editorRoot(el);
  if (isTextControl(root)) return root.ownerDocument.activeElement === root ? (root.selectionEnd ?? undefined) : undefined;
  const selection = root.ownerDocument.getSelection();
  if (!selection?.focusNode || !root.contains(selection.focusNode)) return undefined;
  return offsetOfPoint(root, textModel(root), selection.focusNode, selection.focusOffset);
}

/** The `;shortcut` typed right before the caret, with its range for `insertText`'s replace. */
export function shortcutBeforeCaret(el: Element): { shortcut: string; start: number; end: number } | undefined {
  const caret = caretOffset(el);
  if (caret === undefined) return undefined;
  const match = /(?:^|[\s(])(;[\p{L}\p{N}_-]+)$/u.exec(editorText(el).slice(0, caret));
  if (!match) return undefined;
  const shortcut = match[1]!;
  return { shortcut: shortcut.slice(1), start: caret - shortcut.length, end: caret };
}

function pointAt(model: TextModel, offset: number, root: Element): [Node, number] {
  for (const s of model.segments) {
    if (offset >= s.start && offset <= s.start + s.node.data.length) return [s.node, offset - s.start];
  }
  const last = model.segments.at(-1);
  return last ? [last.node, last.node.data.length] : [root, root.childNodes.length];
}

/** Focuses the editor and selects the range to replace; without one, keeps a caret already
 * in the editor and otherwise puts it at the end. */
function placeSelection(root: Element, replace: InsertOptions['replace']): void {
  if (isTextControl(root)) {
    root.focus();
    if (replace) root.setSelectionRange(replace.start, replace.end);
    return;
  }
  const doc = root.ownerDocument;
  const selection = doc.getSelection();
  if (!selection) return;
  const inside = selection.rangeCount > 0 && root.contains(selection.anchorNode) && root.contains(selection.focusNode);
  const saved = inside ? selection.getRangeAt(0).cloneRange() : undefined;
  (root as HTMLElement).focus({ preventScroll: true });
  const range = doc.createRange();
  if (replace) {
    const model = textModel(root);
    range.setStart(...pointAt(model, replace.start, root));
    range.setEnd(...pointAt(model, replace.end, root));
  } else if (saved) {
    range.setStart(saved.startContainer, saved.startOffset);
    range.setEnd(saved.endContainer, saved.endOffset);
  } else {
    const model = textModel(root);
    const [node, offset] = pointAt(model, model.text.length, root);
    range.setStart(node, offset);
  }
  selection.removeAllRanges();
  selection.addRange(range);
}

// ---- strategies ----

function viaExecCommand(root: Element, text: string): void {
  root.ownerDocument.execCommand('insertText', false, text);
}

function viaPaste(root: Element, text: string): void {
  const view = root.ownerDocument.defaultView ?? window;
  const data = new view.DataTransfer();
  data.setData('text/plain', text);
  // Chromium takes the DataTransfer. Firefox ignores it and builds the event's own from its
  // non-standard `dataType`/`data` members — the only way a paste made in a content script
  // carries data the page can read (a DataTransfer filled there belongs to the extension).
  const init = { clipboardData: data, dataType: 'text/plain', data: text, bubbles: true, cancelable: true, composed: true };
  root.dispatchEvent(new view.ClipboardEvent('paste', init));
}

/** React tracks a controlled field's value through an own `value` property on the element;
 * the prototype's setter bypasses it, so React sees a change on the input event. */
function viaNativeSetter(control: TextControl, text: string, replace: InsertOptions['replace']): void {
  const view = control.ownerDocument.defaultView ?? window;
  const proto = control.tagName === 'TEXTAREA' ? view.HTMLTextAreaElement.prototype : view.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  const start = replace?.start ?? control.selectionStart ?? control.value.length;
  const end = replace?.end ?? control.selectionEnd ?? start;
  const next = control.value.slice(0, start) + text + control.value.slice(end);
  if (setter) setter.call(control, next);
  else control.value = next;
  const caret = start + text.length;
  control.setSelectionRange(caret, caret);
  control.dispatchEvent(new view.Event('input', { bubbles: true }));
  control.setSelectionRange(caret, caret);
}

/** Lets the editor commit: a microtask, then a frame (with a timer in case frames are paused). */
function settle(root: Element): Promise<void> {
  const view = root.ownerDocument.defaultView ?? window;
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    queueMicrotask(() => view.requestAnimationFrame(() => view.setTimeout(finish, 0)));
    view.setTimeout(finish, 100);
  });
}

/** Whitespace-insensitive: editors turn newlines into blocks and spaces into nbsp. */
const normalize = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

function occurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

async function toClipboard(root: Element, text: string, why: string): Promise<InsertResult> {
  const clipboard = root.ownerDocument.defaultView?.navigator.clipboard;
  try {
    if (!clipboard) throw new Error('no clipboard');
    await clipboard.writeText(text);
    return { ok: false, strategy: 'clipboard', reason: `${why}; the text is on the clipboard` };
  } catch (error) {
    return { ok: false, strategy: 'clipboard', reason: `${why}; copying failed too (${(error as Error).message})` };
  }
}

/** The strategies tried for an editor kind and text, in order. */
export const strategiesFor = (kind: EditorKind, text = ''): readonly InsertStrategy[] => (text.includes('\n') ? MULTILINE_PLAN[kind] : undefined) ?? PLAN[kind];

export async function insertText(editor: Element, text: string, options: InsertOptions = {}): Promise<InsertResult> {
  const root = editorRoot(editor);
  const kind = detectEditor(root);
  const needle = normalize(text);
  const before = editorText(root);
  const countBefore = occurrences(normalize(before), needle);
  const { replace } = options;
  const plan = options.strategies ?? strategiesFor(kind, text);
  // What an attempt may leave without having inserted anything: the text as it was, or
  // with the selected shortcut removed.
  const untouched = (now: string) => now === before || (replace !== undefined && now === before.slice(0, replace.start) + before.slice(replace.end));

  placeSelection(root, replace);
  // Draft and ProseMirror take the DOM selection from selectionchange, which fires async.
  await settle(root);

  for (const strategy of plan) {
    const current = editorText(root);
    // An earlier attempt that changed the text without inserting it (it removed the selected
    // shortcut, say) has moved the caret to where the text belongs: do not select again.
    // Selecting again, and letting that selection settle too, gives an editor a second chance
    // to take it: Draft.js ignores a selectionchange that comes while its own render is still
    // pending (the keystroke just typed), and would paste at the caret beside the shortcut.
    if (current === before) {
      placeSelection(root, replace);
      await settle(root);
    }
    if (strategy === 'insertText') viaExecCommand(root, text);
    else if (strategy === 'paste') viaPaste(root, text);
    else if (isTextControl(root)) viaNativeSetter(root, text, current === before ? replace : undefined);
    await settle(root);
    const added = occurrences(normalize(editorText(root)), needle) - countBefore;
    if (added === 1) return { ok: true, strategy };
    // Never insert again over text that landed (twice, or in part): leave it for the member.
    if (added !== 0 || !untouched(editorText(root))) {
      return toClipboard(root, text, `${strategy} changed the ${kind} editor without inserting the text exactly once`);
    }
  }
  return toClipboard(root, text, `the ${kind} editor did not take the text (${plan.join(', ')})`);
}
