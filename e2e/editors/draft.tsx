/** @jsxImportSource react */
// Draft.js, as on X and TikTok: a React 18 controlled editor; the button reads EditorState.
import 'draft-js/dist/Draft.css';
import { Editor, EditorState } from 'draft-js';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { shell } from './shell.ts';

let latest = EditorState.createEmpty();
const plainText = (state: EditorState) => state.getCurrentContent().getPlainText();
const page = shell(() => plainText(latest));

function Composer() {
  const [editorState, setEditorState] = useState(latest);
  latest = editorState;
  useEffect(() => page.update(plainText(editorState)), [editorState]);
  return (
    <div data-testid="tweetTextarea_0">
      <Editor editorState={editorState} onChange={setEditorState} placeholder="Post your reply" />
    </div>
  );
}

createRoot(page.mount).render(<Composer />);
