// The extension's security surface, as docs/SECURITY.md describes it: what the manifest asks
// for (host permissions only for the supported sites; Mastodon instances and a self-hosted
// server optional), the extension pages' CSP (the browser's default: no eval, no remote
// script), no remote code in our sources or the built bundles, and no page content ever
// inserted as HTML.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../wxt.config';
import { SUPPORTED_DOMAINS, SUPPORTED_MATCHES } from './sites/hosts';

const ROOT = join(import.meta.dirname, '..');
const OPTIONAL_ORIGINS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];
const PERMISSIONS = ['storage', 'alarms', 'unlimitedStorage', 'scripting'];

type Manifest = Record<string, unknown> & { host_permissions?: string[]; permissions?: string[] };
type ManifestFn = (env: { browser: string; manifestVersion: 2 | 3; mode: string; command: string }) => Manifest;
const manifestOf = (browser: 'chrome' | 'firefox', manifestVersion: 2 | 3) =>
  (config.manifest as ManifestFn)({ browser, manifestVersion, mode: 'production', command: 'build' });

/** A CSP that forbids eval and script from anywhere but the extension itself. */
function expectStrictCsp(csp: string) {
  expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
  const scriptSrc = /script-src([^;]*)/.exec(csp)?.[1] ?? '';
  for (const source of scriptSrc.trim().split(/\s+/).filter(Boolean)) expect(["'self'", "'wasm-unsafe-eval'"]).toContain(source);
}

describe('manifest (wxt.config.ts)', () => {
  it.each([
    ['chrome', 3],
    ['firefox', 2],
    ['firefox', 3],
  ] as const)('%s MV%i: host permissions are exactly the supported sites, over https', (browser, mv) => {
    const m = manifestOf(browser, mv);
    expect(m.host_permissions).toEqual(SUPPORTED_MATCHES);
    expect(m.host_permissions).toEqual(SUPPORTED_DOMAINS.map((d) => `https://*.${d}/*`));
    expect(JSON.stringify(m)).not.toMatch(/<all_urls>|"\*:\/\/|"http:\/\/\*/);
  });

  it('Mastodon instances and a self-hosted server are optional origins, granted at run time', () => {
    expect(manifestOf('chrome', 3).optional_host_permissions).toEqual(OPTIONAL_ORIGINS);
    // MV2 keeps optional origins among the optional permissions.
    expect(manifestOf('firefox', 2).optional_permissions).toEqual(OPTIONAL_ORIGINS);
  });

  it('asks for storage, alarms, unlimited storage and scripting only (no tabs, cookies, webRequest, history)', () => {
    for (const [browser, mv] of [['chrome', 3], ['firefox', 2]] as const) expect(manifestOf(browser, mv).permissions).toEqual(PERMISSIONS);
  });

  it('sets no content_security_policy: extension pages keep the browser default (no eval, no remote script)', () => {
    for (const [browser, mv] of [['chrome', 3], ['firefox', 2]] as const) {
      const csp = manifestOf(browser, mv).content_security_policy;
      if (csp === undefined) continue;
      const pages = typeof csp === 'string' ? csp : ((csp as { extension_pages?: string }).extension_pages ?? '');
      expectStrictCsp(pages);
    }
    expect(manifestOf('chrome', 3).content_security_policy).toBeUndefined();
  });
});

/** Files under `dir` (recursively) whose names match `pattern`. */
function files(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path, pattern));
    else if (pattern.test(name)) out.push(path);
  }
  return out;
}

describe('our source code (extension/, shared/)', () => {
  const sources = [...files(join(ROOT, 'extension'), /\.(ts|tsx|html)$/), ...files(join(ROOT, 'shared'), /\.ts$/)].filter(
    // Tests build hostile markup on purpose; testing.ts is the adapters' test helper.
    (f) => !/\.test\.tsx?$|[\\/]sites[\\/]testing\.ts$/.test(f),
  );
  /** Comments may name what the code must not do. */
  const code = (f: string) => readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1');

  it('has sources to scan', () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  it('never inserts markup: no innerHTML, outerHTML, insertAdjacentHTML, dangerouslySetInnerHTML, document.write', () => {
    const found = sources.flatMap((f) =>
      [...code(f).matchAll(/\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write(ln)?|createContextualFragment|DOMParser)\b/g)].map(
        (m) => `${relative(ROOT, f)}: ${m[0]}`,
      ),
    );
    expect(found).toEqual([]);
  });

  it('runs no code from strings or from elsewhere: no eval, new Function, string timers, importScripts, remote script', () => {
    const found = sources.flatMap((f) =>
      [
        ...code(f).matchAll(
          /(?<![\w.])eval\s*\(|\bnew\s+Function\b|\bset(Timeout|Interval)\(\s*['"`]|\bimportScripts\s*\(|<script[^>]+src=["']?(https?:)?\/\/|import\(\s*['"`]https?:/g,
        ),
      ].map((m) => `${relative(ROOT, f)}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });
});

// The built extension, when there is one (`npm test` builds before the unit tests; locally:
// CHORUS_OUT_DIR=<dir> npx wxt build -b chrome, then run this file with the same variable).
const OUT = join(ROOT, process.env.CHORUS_OUT_DIR ?? '.output', 'chrome-mv3');
const built = existsSync(join(OUT, 'manifest.json'));

describe.skipIf(!built)(`the built extension (${relative(ROOT, OUT)})`, () => {
  it('manifest: host permissions are the supported sites; content scripts run only there; no CSP loosened', () => {
    const m = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8')) as Manifest & {
      content_scripts?: { matches: string[] }[];
      content_security_policy?: { extension_pages?: string };
      optional_host_permissions?: string[];
    };
    expect(m.host_permissions).toEqual(SUPPORTED_MATCHES);
    expect(m.optional_host_permissions).toEqual(OPTIONAL_ORIGINS);
    expect(m.permissions).toEqual(PERMISSIONS);
    for (const script of m.content_scripts ?? []) for (const match of script.matches) expect(SUPPORTED_MATCHES).toContain(match);
    if (m.content_security_policy?.extension_pages) expectStrictCsp(m.content_security_policy.extension_pages);
    expect(m).not.toHaveProperty('web_accessible_resources');
    expect(m).not.toHaveProperty('externally_connectable');
  });

  it('bundles: no eval, no new Function, no importScripts from the network, no remote script tags', () => {
    const bundles = files(OUT, /\.(js|html)$/);
    expect(bundles.length).toBeGreaterThan(5);
    const found = bundles.flatMap((f) =>
      [
        ...readFileSync(f, 'utf8').matchAll(
          /(?<![\w.$])eval\s*\(|\bnew\s+Function\s*\(|\bimportScripts\s*\(\s*['"`]?https?:|<script[^>]+src=["']?(https?:)?\/\/|import\(\s*['"`]https?:/g,
        ),
      ].map((m) => `${relative(OUT, f)}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });
});
