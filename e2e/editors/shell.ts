// What every editor fixture page shares: a "Reply" button that only the editor's own state
// enables (as on the sites), and `window.__editorState()` reading that state for the tests.
import type * as insert from '../../extension/composer/insert.ts';

declare global {
  interface Window {
    /** The editor library's own text (not the DOM's). */
    __editorState?: () => string;
    /** extension/composer/insert.ts, injected by helper.ts. */
    __chorus?: typeof insert;
  }
}

export interface Shell {
  /** Where the editor mounts. */
  mount: HTMLElement;
  /** Call on every change of the editor's state. */
  update(stateText: string): void;
}

export function shell(readState: () => string): Shell {
  document.body.innerHTML = '<main><h1>Reply</h1><div id="editor-mount"></div><button id="reply" type="button" disabled>Reply</button><input id="elsewhere" aria-label="elsewhere"></main>';
  const reply = document.getElementById('reply') as HTMLButtonElement;
  window.__editorState = readState;
  return {
    mount: document.getElementById('editor-mount')!,
    update(stateText) {
      reply.disabled = stateText.trim() === '';
    },
  };
}
