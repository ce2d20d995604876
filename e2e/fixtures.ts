// Fixtures: a real API process on a free port with a fresh data folder, and the built
// Chrome extension loaded into headless Chromium (see SETUP.md).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type Route, test as base, chromium } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
export const extensionDir = join(root, process.env.CHORUS_OUT_DIR ?? '.output', 'chrome-mv3');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Api {
  url: string;
  /** POST/GET JSON against the API. */
  call(method: string, path: string, opts?: { token?: string; body?: unknown; ifMatch?: number }): Promise<any>;
  /** A text answer (CSV exports), which must be 200. */
  text(path: string, token: string): Promise<string>;
  /** Stops the process; a data folder the fixture made itself is removed too. */
  stop(): Promise<void>;
}

/** The API server (api/server.ts) as a process; by default on a free port and a fresh
 * data folder, or on a given port and folder to restart it where it was. */
export async function startApi(where: { dataDir?: string; port?: number } = {}): Promise<Api> {
  const dataDir = where.dataDir ?? mkdtempSync(join(tmpdir(), 'chorus-e2e-'));
  const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(where.port ?? 0), HOST: '127.0.0.1', CHORUS_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`API exited (${code}): ${out}`)));
  });
  return {
    url,
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = {};
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      if (opts.ifMatch !== undefined) headers['if-match'] = String(opts.ifMatch);
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(url + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
      return res.json();
    },
    async text(path, token) {
      const res = await fetch(url + path, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
      return res.text();
    },
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
      if (!where.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A route handler serving `html` for page navigations and an empty answer for anything else the page asks for. */
export function servePage(html: string): (route: Route) => Promise<void> {
  return (route) => (route.request().isNavigationRequest() ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }) : route.fulfill({ status: 204, body: '' }));
}

/** Headless Chromium with the built extension (or another unpacked copy of it, `dir`), on a
 * fresh profile or on `userDataDir` (one that outlives the browser). */
export async function launchWithExtension(dir = extensionDir, userDataDir = ''): Promise<{ context: BrowserContext; extensionId: string }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, extensionId: new URL(sw.url()).host };
}

export const test = base.extend<{ context: BrowserContext; extensionId: string }, { api: Api }>({
  api: [
    // oxlint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const api = await startApi();
      await use(api);
      await api.stop();
    },
    { scope: 'worker' },
  ],
  // oxlint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  context: async ({}, use) => {
    test.skip(!existsSync(chromiumPath), `Chromium not found at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
    test.skip(!existsSync(join(extensionDir, 'manifest.json')), 'Build the extension first: npm run build');
    const { context, extensionId } = await launchWithExtension();
    (context as BrowserContext & { extensionId?: string }).extensionId = extensionId;
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    await use((context as BrowserContext & { extensionId?: string }).extensionId!);
  },
});
export { expect } from '@playwright/test';
