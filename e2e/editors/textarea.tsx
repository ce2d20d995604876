/** @jsxImportSource react */
// A React-controlled textarea, as on Instagram and Mastodon; the button reads React state.
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { shell } from './shell.ts';

let latest = '';
const page = shell(() => latest);

function Composer() {
  const [value, setValue] = useState('');
  latest = value;
  useEffect(() => page.update(value), [value]);
  return <textarea aria-label="Add a comment…" placeholder="Add a comment…" value={value} onChange={(event) => setValue(event.target.value)} />;
}

createRoot(page.mount).render(<Composer />);
