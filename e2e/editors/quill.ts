// Quill 2, as on LinkedIn post pages; the button reads quill.getText().
import 'quill/dist/quill.core.css';
import Quill from 'quill';
import { shell } from './shell.ts';

let quill: Quill | undefined;
const readState = () => (quill ? quill.getText().replace(/\n$/, '') : '');
const page = shell(readState);
quill = new Quill(page.mount, { placeholder: 'Add a comment…' });
quill.on('text-change', () => page.update(readState()));
