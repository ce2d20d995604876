// TipTap (ProseMirror), as on Bluesky and the LinkedIn feed; the button reads editor.getText().
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { shell } from './shell.ts';

let editor: Editor | undefined;
const readState = () => editor?.getText() ?? '';
const page = shell(readState);
editor = new Editor({
  element: page.mount,
  extensions: [StarterKit],
  onUpdate: () => page.update(readState()),
});
