// Helpers for the built Firefox extension (.output/firefox-mv2) in headless Firefox ESR,
// driven over WebDriver BiDi with puppeteer-core (see SETUP.md, Firefox section).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { ProtocolMap } from '../extension/messaging.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
export const firefoxExtensionDir = join(root, process.env.CHORUS_OUT_DIR ?? '.output', 'firefox-mv2');
export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The gecko id in wxt.config.ts. */
export const GECKO_ID = 'chorus@chorus.team';

export interface FirefoxWithExtension {
  browser: Browser;
  /** moz-extension://<uuid>, pinned before the extension is installed. */
  origin: string;
}

/**
 * Launches Firefox and installs the built extension as a temporary add-on. Its internal
 * UUID is pinned with `extensions.webextensions.uuids`, so its origin is known in advance.
 * `-remote-allow-system-access` lifts the remote agent's refusal to navigate a tab to a
 * moz-extension:// URL (browsingContext.navigate allows only http(s)/data/about:blank
 * otherwise); the page then loads as a real extension page, with the `browser` API.
 */
export async function launchFirefoxWithExtension(): Promise<FirefoxWithExtension> {
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) },
  });
  try {
    const id = await browser.installExtension(firefoxExtensionDir);
    if (id !== GECKO_ID) throw new Error(`installed as ${id}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { browser, origin: `moz-extension://${uuid}` };
}

/** An extension page (options.html, popup.html) in a new tab. */
export class FirefoxExtensionPage {
  private constructor(readonly page: Page) {}

  static async open(ff: FirefoxWithExtension, path: string): Promise<FirefoxExtensionPage> {
    const url = `${ff.origin}/${path}`;
    const page = await ff.browser.newPage();
    // Firefox navigates the tab, but sends no navigation events for the switch into the
    // extension's process, so goto() would wait for them until its timeout: start it, and
    // watch the document itself instead.
    void page.goto(url).catch(() => undefined);
    await expect
      .poll(() => page.evaluate(() => `${location.href} ${document.readyState}`).catch((e: Error) => e.message))
      .toBe(`${url} complete`);
    return new FirefoxExtensionPage(page);
  }

  /** The page's visible text. */
  text(): Promise<string> {
    return this.page.evaluate(() => document.body.innerText);
  }

  /**
   * One message of the extension's protocol to the background, encoded the way
   * @webext-core/messaging does (see e2e/pages/options.ts). Firefox's `browser.*` returns
   * promises; its MV2 `chrome.*` is callback-only.
   */
  async send<K extends keyof ProtocolMap>(
    type: K,
    ...data: Parameters<ProtocolMap[K]>
  ): Promise<ReturnType<ProtocolMap[K]>> {
    const answer = await this.page.evaluate(
      (type, data) =>
        (
          globalThis as unknown as {
            browser: { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown; err?: { message?: string } } | undefined> } };
          }
        ).browser.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() }),
      type,
      data[0],
    );
    if (!answer || answer.err) throw new Error(`${type} failed: ${answer?.err?.message ?? 'no answer'}`);
    return answer.res as ReturnType<ProtocolMap[K]>;
  }
}
