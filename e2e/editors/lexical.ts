// Lexical, as on Facebook, Threads and Reddit: plain text with history; the button reads the
// editor state.
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { registerPlainText } from '@lexical/plain-text';
import { $getRoot, createEditor } from 'lexical';
import { shell } from './shell.ts';

const editor = createEditor({
  namespace: 'chorus-fixture',
  onError(error) {
    throw error;
  },
});
const readState = () => editor.getEditorState().read(() => $getRoot().getTextContent());
const page = shell(readState);

const root = document.createElement('div');
root.contentEditable = 'true';
root.setAttribute('role', 'textbox');
root.setAttribute('aria-label', 'Write a comment…');
root.style.whiteSpace = 'pre-wrap';
page.mount.append(root);
editor.setRootElement(root);
registerPlainText(editor);
registerHistory(editor, createEmptyHistoryState(), 300);
editor.registerUpdateListener(() => page.update(readState()));
