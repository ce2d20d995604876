// Bundles each editor fixture (the real editor library from node_modules) with the composer's
// insertion code into one self-contained HTML page, cached in e2e/editors/.dist until a
// source or the lockfile changes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { EditorKind } from '../../extension/composer/insert.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
const dist = join(here, '.dist');

export const FIXTURE_SOURCES: Record<EditorKind, string> = {
  draft: 'draft.tsx',
  lexical: 'lexical.ts',
  quill: 'quill.ts',
  prosemirror: 'prosemirror.ts',
  textarea: 'textarea.tsx',
  contenteditable: 'contenteditable.ts',
};

function cacheKey(): string {
  const hash = createHash('sha256');
  const inputs = [
    ...readdirSync(here).filter((f) => /\.tsx?$/.test(f)).sort().map((f) => join(here, f)),
    join(root, 'extension', 'composer', 'insert.ts'),
    join(root, 'package-lock.json'),
  ];
  for (const file of inputs) hash.update(file).update(readFileSync(file));
  return hash.digest('hex');
}

async function bundle(entry: string): Promise<{ js: string; css: string }> {
  const result = await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    outdir: dist,
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    logLevel: 'silent',
  });
  const text = (ext: string) => result.outputFiles.filter((f) => f.path.endsWith(ext)).map((f) => f.text).join('\n');
  return { js: text('.js'), css: text('.css') };
}

const inlineScript = (js: string) => `<script>${js.replace(/<\/script/gi, '<\\/script')}</script>`;

/** The fixture pages as HTML, keyed by editor kind. */
export async function buildEditors(): Promise<Record<EditorKind, string>> {
  const key = cacheKey();
  const kinds = Object.keys(FIXTURE_SOURCES) as EditorKind[];
  const cached = (kind: EditorKind) => join(dist, `${kind}.html`);
  if (existsSync(join(dist, 'key')) && readFileSync(join(dist, 'key'), 'utf8') === key && kinds.every((k) => existsSync(cached(k)))) {
    return Object.fromEntries(kinds.map((k) => [k, readFileSync(cached(k), 'utf8')])) as Record<EditorKind, string>;
  }
  mkdirSync(dist, { recursive: true });
  const helper = await bundle('helper.ts');
  const pages = await Promise.all(
    kinds.map(async (kind) => {
      const page = await bundle(FIXTURE_SOURCES[kind]);
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${kind} fixture</title><style>${page.css}</style></head><body>${inlineScript(page.js)}${inlineScript(helper.js)}</body></html>`;
      writeFileSync(cached(kind), html);
      return [kind, html] as const;
    }),
  );
  writeFileSync(join(dist, 'key'), key);
  return Object.fromEntries(pages) as Record<EditorKind, string>;
}

/** The site editors (sites.tsx) as markup to add to a snapshot page: its styles and script,
 * cached like the fixture pages. */
export async function buildSiteEditors(): Promise<string> {
  const key = cacheKey();
  const file = join(dist, 'sites.html');
  const keyFile = join(dist, 'sites.key');
  if (existsSync(file) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key) return readFileSync(file, 'utf8');
  mkdirSync(dist, { recursive: true });
  const { js, css } = await bundle('sites.tsx');
  const html = `<style>${css}</style>${inlineScript(js)}`;
  writeFileSync(file, html);
  writeFileSync(keyFile, key);
  return html;
}
