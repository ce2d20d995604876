// Page object for the import and export toolbar of the options page's templates card.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';

export class TemplateFilesBar {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.locator('section.templates .template-files');
  }

  button(name: 'Export JSON' | 'Export CSV' | 'Import…' | 'Import' | 'Cancel'): Locator {
    return this.root().getByRole('button', { name, exact: true });
  }

  /** Chooses a file made in memory, as the Import… button's file picker would. */
  async choose(name: string, text: string): Promise<void> {
    const mimeType = name.endsWith('.csv') ? 'text/csv' : 'application/json';
    await this.root().getByLabel('Template file (JSON or CSV)').setInputFiles({ name, mimeType, buffer: Buffer.from(text, 'utf8') });
  }

  /** The "Nothing was imported" panel and its lines. */
  problems(): Locator {
    return this.root().locator('.import-problems');
  }

  problemLines(): Locator {
    return this.problems().getByRole('listitem');
  }

  /** The "Import …? Templates in the file: n" question. */
  confirmation(): Locator {
    return this.root().locator('.import-confirm');
  }

  async confirm(): Promise<void> {
    await this.confirmation().getByRole('button', { name: 'Import', exact: true }).click();
  }

  status(): Locator {
    return this.root().locator('.saved');
  }

  /** Clicks an export button and returns the downloaded file's name and text. */
  async export(kind: 'JSON' | 'CSV'): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.button(`Export ${kind}`).click()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  /** The connections the extension keeps (server URL, token, member) in its storage. */
  async storedConnections(): Promise<{ token: string; member: { id: string; name: string } }[]> {
    return this.page.evaluate(async () => {
      const storage = (globalThis as unknown as { chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local;
      return ((await storage.get('chorus:connections'))['chorus:connections'] ?? []) as { token: string; member: { id: string; name: string } }[];
    });
  }
}
