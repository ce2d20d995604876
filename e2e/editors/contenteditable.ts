// A plain contenteditable, as YouTube's comment box: the page keeps its own copy of the text,
// updated only from input events, and the button reads that copy.
import { shell } from './shell.ts';

let state = '';
const page = shell(() => state);
const box = document.createElement('div');
box.id = 'contenteditable-root';
box.contentEditable = 'true';
box.setAttribute('aria-label', 'Add a comment…');
box.style.whiteSpace = 'pre-wrap';
page.mount.append(box);
box.addEventListener('input', () => {
  state = box.innerText.replace(/\n$/, '');
  page.update(state);
});
