/** @jsxImportSource react */
// The sites' real editors mounted into their saved snapshot pages (e2e/composer-sites.spec.ts):
// the snapshot's reply box is replaced by the editor library the site uses, with the site's
// attributes kept on the editable element, and the site's submit control behaves like the
// site's: disabled while the editor's own state is empty, and a click "posts" the reply (the
// editor is emptied through its API, or the composer closes). The page reads its
// configuration from window.__siteMount, set by the spec before this script.
import 'draft-js/dist/Draft.css';
import 'quill/dist/quill.core.css';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { registerPlainText } from '@lexical/plain-text';
import { Editor as TipTap } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { Editor as DraftEditor, EditorState } from 'draft-js';
import { $createParagraphNode, $getRoot, createEditor } from 'lexical';
import Quill from 'quill';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { EditorKind } from '../../extension/composer/insert.ts';

export interface SiteMount {
  kind: EditorKind;
  /** Markup the site renders when the composer opens (a reply dialog), appended to `into`
   * (the first match; the body by default). */
  open?: { html: string; into?: string };
  /** The snapshot's reply box the real editor takes the place of (Lexical and a plain
   * contenteditable: the element itself becomes the editor's root, its attributes kept). */
  at: string;
  /** Attributes the site puts on the editable element (the adapter recognizes them). */
  attrs?: Record<string, string>;
  /** The site's submit control. */
  submit: string;
  /** After a post: the element removed (the composer closes); otherwise the editor is emptied. */
  close?: string;
  /** How many submits the site refuses first (the text stays, nothing is posted). */
  refuse?: number;
}

/** What an editor offers the page: its own text, and emptying it through its API. */
interface Mounted {
  read(): string;
  clear(): void;
}

/** One input-pipeline event seen by the page, for the spec to tell which insertion strategy landed. */
interface SeenEvent {
  type: string;
  inputType?: string;
  length?: number;
  trusted: boolean;
}

declare global {
  interface Window {
    __siteMount?: SiteMount;
    /** The editor library's own text (not the DOM's). */
    __editorState?: () => string;
    /** paste / beforeinput / input events in the page, oldest first. */
    __siteEvents?: SeenEvent[];
  }
}

const config = window.__siteMount!;
let onChange: (text: string) => void = () => {};

function setAttributes(el: Element, attrs: Record<string, string> = {}) {
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
}

/** Puts a fresh element where `selector` is and returns it. */
function replaceWith(selector: string, tag = 'div'): HTMLElement {
  const old = document.querySelector(selector);
  if (!old) throw new Error(`site mount: nothing at ${selector}`);
  const fresh = document.createElement(tag);
  old.replaceWith(fresh);
  return fresh;
}

function mountDraft(): Mounted {
  const container = replaceWith(config.at);
  let latest = EditorState.createEmpty();
  let reset: () => void = () => {};
  function Composer() {
    const [state, setState] = useState(latest);
    const ref = useRef<HTMLDivElement>(null);
    latest = state;
    reset = () => setState(EditorState.createEmpty());
    useLayoutEffect(() => setAttributes(ref.current!.querySelector('.public-DraftEditor-content')!, config.attrs), []);
    useEffect(() => onChange(state.getCurrentContent().getPlainText()), [state]);
    return (
      <div ref={ref}>
        <DraftEditor editorState={state} onChange={setState} placeholder="Post your reply" />
      </div>
    );
  }
  createRoot(container).render(<Composer />);
  return { read: () => latest.getCurrentContent().getPlainText(), clear: () => reset() };
}

function mountLexical(): Mounted {
  const root = document.querySelector<HTMLElement>(config.at)!;
  root.replaceChildren();
  setAttributes(root, config.attrs);
  const editor = createEditor({
    namespace: 'chorus-site',
    onError(error) {
      throw error;
    },
  });
  const read = () => editor.getEditorState().read(() => $getRoot().getTextContent());
  editor.setRootElement(root);
  registerPlainText(editor);
  registerHistory(editor, createEmptyHistoryState(), 300);
  editor.registerUpdateListener(() => onChange(read()));
  return {
    read,
    clear: () =>
      editor.update(() => {
        const top = $getRoot();
        top.clear();
        top.append($createParagraphNode());
      }),
  };
}

function mountQuill(): Mounted {
  const quill = new Quill(replaceWith(config.at), { placeholder: 'Add a comment…' });
  setAttributes(quill.root, config.attrs);
  const read = () => quill.getText().replace(/\n$/, '');
  quill.on('text-change', () => onChange(read()));
  return { read, clear: () => quill.setText('') };
}

function mountTipTap(): Mounted {
  const editor = new TipTap({
    element: replaceWith(config.at),
    extensions: [StarterKit],
    editorProps: { attributes: config.attrs ?? {} },
    onUpdate: () => onChange(editor.getText()),
  });
  return { read: () => editor.getText(), clear: () => editor.commands.clearContent(true) };
}

function mountTextarea(): Mounted {
  const container = replaceWith(config.at, 'span');
  let latest = '';
  let reset: () => void = () => {};
  function Composer() {
    const [value, setValue] = useState('');
    const ref = useRef<HTMLTextAreaElement>(null);
    latest = value;
    reset = () => setValue('');
    useLayoutEffect(() => setAttributes(ref.current!, config.attrs), []);
    useEffect(() => onChange(value), [value]);
    return <textarea ref={ref} value={value} onChange={(event) => setValue(event.target.value)} />;
  }
  createRoot(container).render(<Composer />);
  return { read: () => latest, clear: () => reset() };
}

/** A plain contenteditable (YouTube): the page keeps its own copy, updated from input events. */
function mountContentEditable(): Mounted {
  const box = document.querySelector<HTMLElement>(config.at)!;
  setAttributes(box, config.attrs);
  let state = '';
  box.addEventListener('input', () => {
    state = box.innerText.replace(/\n$/, '');
    onChange(state);
  });
  return {
    read: () => state,
    clear: () => {
      box.replaceChildren();
      state = '';
      onChange(state);
    },
  };
}

const MOUNTS: Record<EditorKind, () => Mounted> = {
  draft: mountDraft,
  lexical: mountLexical,
  quill: mountQuill,
  prosemirror: mountTipTap,
  textarea: mountTextarea,
  contenteditable: mountContentEditable,
};

window.__siteEvents = [];
for (const type of ['paste', 'beforeinput', 'input']) {
  document.addEventListener(
    type,
    (event) => {
      const data = (event as InputEvent).data ?? (event as ClipboardEvent).clipboardData?.getData('text/plain');
      window.__siteEvents!.push({ type, inputType: (event as InputEvent).inputType, length: data?.length, trusted: event.isTrusted });
    },
    true,
  );
}

if (config.open) document.querySelector(config.open.into ?? 'body')!.insertAdjacentHTML('beforeend', config.open.html);
const submit = document.querySelector<HTMLElement>(config.submit)!;
/** The site's own rule: the submit is usable only while the editor's state has text. */
onChange = (text) => {
  const empty = text.trim() === '';
  if (submit instanceof HTMLButtonElement) submit.disabled = empty;
  if (!(submit instanceof HTMLButtonElement) || submit.hasAttribute('aria-disabled')) submit.setAttribute('aria-disabled', String(empty));
};
const editor = MOUNTS[config.kind]();
window.__editorState = editor.read;
onChange(editor.read());
let refusals = config.refuse ?? 0;
submit.addEventListener('click', () => {
  if (editor.read().trim() === '') return;
  if (refusals > 0) {
    refusals--;
    return;
  }
  // The site posts, then empties the box or closes the composer.
  setTimeout(() => (config.close ? document.querySelector(config.close)?.remove() : editor.clear()), 300);
});
