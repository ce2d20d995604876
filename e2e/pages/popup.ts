// Page object for the extension's popup, opened in a tab.
import type { BrowserContext, Locator, Page } from '@playwright/test';

/** The range the popup asked the summary for, as it shows it on the summary section. */
export interface SummaryRange {
  from: string;
  to: string;
  tz: string;
}

export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<PopupPage> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return new PopupPage(page);
  }

  /** A headline figure's value by its stable id: interactions, replies, response-rate, median, p90. */
  kpi(id: string): Locator {
    return this.page.locator(`[data-kpi="${id}"] dd`);
  }

  /** The member table's row of one member (name, interactions, replies, median reply time). */
  memberRow(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  async selectPeriod(label: string): Promise<void> {
    await this.page.getByRole('tab', { name: label }).click();
  }

  syncNowButton(): Locator {
    return this.page.getByRole('button', { name: /sync now/i });
  }

  /** The from/to/tz of the figures on screen, to ask the API for the same ones. */
  async summaryRange(): Promise<SummaryRange> {
    const section = this.page.locator('section.summary');
    const [from, to, tz] = await Promise.all(['data-from', 'data-to', 'data-tz'].map((name) => section.getAttribute(name)));
    if (!from || !to || !tz) throw new Error('The popup shows no summary range');
    return { from, to, tz };
  }
}
