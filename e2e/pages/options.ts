// Page object for the extension's options page.
import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { ProtocolMap } from '../../extension/messaging.ts';

interface ExtensionChrome {
  runtime: { sendMessage(message: unknown): Promise<{ res?: unknown; err?: { message?: string } } | undefined> };
}

export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<OptionsPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    return new OptionsPage(page);
  }

  async connect(serverUrl: string, inviteCode: string, name: string): Promise<void> {
    await this.page.getByLabel('Server URL').fill(serverUrl);
    await this.page.getByLabel('Invite code').fill(inviteCode);
    await this.page.getByLabel('Your name').fill(name);
    await this.page.getByRole('button', { name: 'Connect', exact: true }).click();
  }

  /**
   * Sends one message of the extension's protocol to the background from this extension
   * page, encoded the way @webext-core/messaging does ({id, type, data, timestamp}, answered
   * with {res} or {err}), so the test drives the same handlers the popup and content use.
   */
  async send<K extends keyof ProtocolMap>(
    type: K,
    ...data: Parameters<ProtocolMap[K]>
  ): Promise<ReturnType<ProtocolMap[K]>> {
    const answer = await this.page.evaluate(
      ([type, data]) =>
        // The page's own `chrome`, not in this file's types (e2e code runs in Node).
        (globalThis as unknown as { chrome: ExtensionChrome }).chrome.runtime.sendMessage({
          id: Math.floor(Math.random() * 1e9),
          type,
          data,
          timestamp: Date.now(),
        }),
      [type, data[0]] as const,
    );
    if (!answer || answer.err) throw new Error(`${type} failed: ${answer?.err?.message ?? 'no answer'}`);
    return answer.res as ReturnType<ProtocolMap[K]>;
  }

  syncNow(teamId?: string) {
    return this.send('syncNow', teamId ? { teamId } : {});
  }

  syncState(teamId?: string) {
    return this.send('syncState', teamId ? { teamId } : {});
  }

  listTemplates(teamId?: string) {
    return this.send('listTemplates', teamId ? { teamId } : {});
  }

  recordInteraction(interaction: Parameters<ProtocolMap['recordInteraction']>[0]['interaction'], account?: string) {
    return this.send('recordInteraction', account ? { interaction, account } : { interaction });
  }

  /** Connects this browser to one more team (brand) from the Teams card. */
  async addTeam(serverUrl: string, inviteCode: string, name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Connect another team' }).click();
    await this.connect(serverUrl, inviteCode, name);
  }

  /** The on/off switch of a site in the Sites card ("X", "Instagram"…). */
  siteSwitch(site: string): Locator {
    return this.page.locator('section.sites').getByRole('switch', { name: site, exact: true });
  }

  /** The brand chosen for a site, with several teams connected. */
  siteBrand(site: string): Locator {
    return this.page.getByLabel(`Brand on ${site}`, { exact: true });
  }

  async addAccountRule(site: string, handle: string, brand: string): Promise<void> {
    const rules = this.page.locator('.account-rules');
    await rules.getByLabel('Site', { exact: true }).selectOption({ label: site });
    await rules.getByLabel('Account', { exact: true }).fill(handle);
    await rules.getByLabel('Brand', { exact: true }).selectOption({ label: brand });
    await rules.getByRole('button', { name: 'Add', exact: true }).click();
  }

  /** With several teams: the team whose settings and templates the page shows. */
  async pickTeam(name: string): Promise<void> {
    await this.page.locator('.team-picker').getByLabel('Team shown').selectOption({ label: name });
  }

  /** The team settings form (GET /v1/team), once loaded. */
  settingsForm(): Locator {
    return this.page.locator('form.settings');
  }

  /** Every input and select of the team settings. */
  settingsInputs(): Locator {
    return this.settingsForm().locator('input, select');
  }

  async setTimeZone(zone: string): Promise<void> {
    await this.page.getByLabel('Time zone').selectOption(zone);
  }

  async setSla(category: 'question' | 'complaint', minutes: number): Promise<void> {
    await this.page.locator(`#sla-${category}`).fill(String(minutes));
  }

  async saveSettings(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save settings' }).click();
  }

  async disconnect(): Promise<void> {
    await this.page.getByRole('button', { name: 'Disconnect' }).click();
    await this.page.getByRole('alertdialog').getByRole('button', { name: 'Disconnect' }).click();
  }

  /** The rows of the rejected-records table. */
  deadLetterRows(): Locator {
    return this.page.locator('table.dead tbody tr');
  }

  /** Writes a dead letter into the extension's IndexedDB, as the background does when the server rejects a record. */
  async addDeadLetter(row: { teamId: string; kind: 'interactions' | 'items'; id: string; reason: string; at: string }): Promise<void> {
    await this.page.evaluate(
      (row) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('chorus');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('deadLetters', 'readwrite');
            tx.objectStore('deadLetters').put(row);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      row,
    );
  }

  /** The reply templates card. */
  templatesCard(): Locator {
    return this.page.locator('section.templates');
  }

  /** The listed template whose text (title, shortcut, body…) contains `text`. */
  templateRow(text: string | RegExp): Locator {
    return this.templatesCard().locator('li.template:not(.editing)').filter({ hasText: text });
  }

  /** The open template editor (the form, or its conflict view). */
  templateEditor(): Locator {
    return this.templatesCard().locator('.template-editor');
  }

  async newTemplate(): Promise<void> {
    await this.templatesCard().getByRole('button', { name: 'New template' }).click();
  }

  async editTemplate(text: string | RegExp): Promise<void> {
    await this.templateRow(text).getByRole('button', { name: 'Edit' }).click();
  }

  /** Fills the open editor; checkboxes named in `categories`/`platforms` are ticked, others left as they are. */
  async fillTemplate(fields: { title?: string; body?: string; shortcut?: string; lang?: string; categories?: string[]; platforms?: string[] }): Promise<void> {
    const editor = this.templateEditor();
    if (fields.title !== undefined) await editor.getByLabel('Title', { exact: true }).fill(fields.title);
    if (fields.body !== undefined) await editor.getByLabel('Text', { exact: true }).fill(fields.body);
    if (fields.shortcut !== undefined) await editor.getByLabel('Shortcut', { exact: true }).fill(fields.shortcut);
    if (fields.lang !== undefined) await editor.getByLabel('Language', { exact: true }).fill(fields.lang);
    for (const name of fields.categories ?? []) await editor.getByRole('group', { name: 'Categories' }).getByLabel(name, { exact: true }).check();
    for (const name of fields.platforms ?? []) await editor.getByRole('group', { name: 'Platforms' }).getByLabel(name, { exact: true }).check();
  }

  async saveTemplate(): Promise<void> {
    await this.templateEditor().getByRole('button', { name: 'Save template' }).click();
  }

  /** The two sides of a save conflict: the manager's draft and the server's current record. */
  conflictVersions(): { mine: Locator; theirs: Locator } {
    return { mine: this.page.getByTestId('template-mine'), theirs: this.page.getByTestId('template-theirs') };
  }

  async keepMine(): Promise<void> {
    await this.templateEditor().getByRole('button', { name: 'Keep mine' }).click();
  }

  async searchTemplates(query: string): Promise<void> {
    await this.templatesCard().getByLabel('Search templates').fill(query);
  }
}
