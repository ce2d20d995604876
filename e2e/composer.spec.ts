// The composer's insertion (extension/composer/insert.ts) against the real editor libraries
// the sites use, each mounted on a fixture page served at a site's URL, with the built
// extension loaded. The insertion code runs in the page itself (window.__chorus) until the
// content script wires it up. Every case reads the editor library's own state, not the DOM.
import type { Page } from '@playwright/test';
import { type EditorKind, type InsertOptions, type InsertResult, strategiesFor } from '../extension/composer/insert.ts';
import { buildEditors } from './editors/build.ts';
import { expect, test } from './fixtures.ts';

interface Fixture {
  kind: EditorKind;
  /** Where the site that uses this editor would show it. */
  url: string;
  editor: string;
}

const FIXTURES: Fixture[] = [
  { kind: 'draft', url: 'https://x.com/compose/post', editor: '.public-DraftEditor-content' },
  { kind: 'lexical', url: 'https://www.facebook.com/chorus.coffee/posts/pfbid02Hq7xWkDuU4bLm3ZcKqVtR9sYpA1nEoF6gJiT8hX2wBzN5dQ3vCl', editor: '[data-lexical-editor]' },
  { kind: 'quill', url: 'https://www.linkedin.com/feed/update/urn:li:activity:7397001122334455667/', editor: '.ql-editor' },
  { kind: 'prosemirror', url: 'https://bsky.app/profile/choruscoffee.bsky.social/post/3mcfq2x7kzs2a', editor: '.ProseMirror' },
  { kind: 'textarea', url: 'https://www.instagram.com/p/DQx7hKzAbC9/', editor: 'textarea' },
  { kind: 'contenteditable', url: 'https://www.youtube.com/watch?v=Kx3pWq9LmZs', editor: '#contenteditable-root' },
];

const RTL_AND_EMOJI = 'سلام سارا، می‌توانیم کمک کنیم 🙏 — תודה רבה! 👩🏽‍💻 ☕️';

let pages: Record<EditorKind, string>;
const strategies = new Map<EditorKind, Set<string>>();

test.beforeAll(async () => {
  pages = await buildEditors();
});

test.afterAll(() => {
  for (const [kind, used] of strategies) console.log(`composer: ${kind} → ${[...used].join(', ')}`);
});

/** Editors keep typed spaces as nbsp in places; the state is compared as plain spaces. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

test('an editor that ignores every strategy gets nothing inserted, and the text goes to the clipboard', async ({ context }) => {
  const fixture = FIXTURES.find((f) => f.kind === 'contenteditable')!;
  await context.route(fixture.url, (route) => route.fulfill({ body: pages.contenteditable, contentType: 'text/html; charset=utf-8' }));
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(fixture.url).origin });
  const page = await context.newPage();
  await page.goto(fixture.url);
  await page.click(fixture.editor);
  await page.keyboard.type('Hi ;thanks');
  // A synthetic paste has no default action: a plain contenteditable does not take it.
  const result = await page.evaluate(
    ([selector]) => window.__chorus!.insertText(document.querySelector(selector)!, 'Thanks, Sam!', { replace: { start: 3, end: 10 }, strategies: ['paste'] }),
    [fixture.editor] as const,
  );
  expect(result).toMatchObject({ ok: false, strategy: 'clipboard' });
  expect(plain(await page.evaluate(() => window.__editorState!()))).toBe('Hi ;thanks');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Thanks, Sam!');
});

for (const fixture of FIXTURES) {
  test.describe(`composer: ${fixture.kind}`, () => {
    let page: Page;

    const state = async () => plain(await page.evaluate(() => window.__editorState!()));
    const insert = async (text: string, options?: InsertOptions): Promise<InsertResult> => {
      const result = await page.evaluate(([selector, text, options]) => window.__chorus!.insertText(document.querySelector(selector)!, text, options), [fixture.editor, text, options] as const);
      if (result.ok) {
        if (!strategies.has(fixture.kind)) strategies.set(fixture.kind, new Set());
        strategies.get(fixture.kind)!.add(result.strategy);
        test.info().annotations.push({ type: 'strategy', description: `${fixture.kind}: ${result.strategy}` });
      }
      return result;
    };
    /** Types into the editor and waits until the editor's state has it (and a history group closes). */
    const typeText = async (text: string) => {
      await page.click(fixture.editor);
      await page.keyboard.type(text);
      await expect.poll(state).toBe(text);
      await page.waitForTimeout(1100);
    };

    test.beforeEach(async ({ context }) => {
      const host = new URL(fixture.url).host;
      await context.route(
        (url) => url.host === host,
        (route) => (route.request().url() === fixture.url ? route.fulfill({ body: pages[fixture.kind], contentType: 'text/html; charset=utf-8' }) : route.fulfill({ status: 404, body: '' })),
      );
      page = await context.newPage();
      await page.goto(fixture.url);
      await page.waitForSelector(fixture.editor);
      await page.waitForFunction(() => window.__chorus !== undefined && window.__editorState !== undefined);
    });

    test('detects the editor kind', async () => {
      expect(await page.evaluate((selector) => window.__chorus!.detectEditor(document.querySelector(selector)!), fixture.editor)).toBe(fixture.kind);
    });

    test("the editor's own state takes the text, the Reply button enables, the text survives blur", async () => {
      const text = 'Thanks for reaching out! We will look into it today.';
      await expect(page.locator('#reply')).toBeDisabled();
      await page.click(fixture.editor);
      const result = await insert(text);
      expect(result).toMatchObject({ ok: true });
      expect(await state()).toBe(text);
      await expect(page.locator('#reply')).toBeEnabled();
      await page.click('#elsewhere');
      await page.keyboard.type('x');
      expect(await state()).toBe(text);
      expect(plain(await page.evaluate((selector) => window.__chorus!.editorText(document.querySelector(selector)!), fixture.editor))).toContain(text);
      await expect(page.locator('#reply')).toBeEnabled();
    });

    test('Ctrl+Z undoes the insertion and only the insertion', async () => {
      await typeText('Hello ');
      expect(await insert('thanks for writing to us')).toMatchObject({ ok: true });
      expect(await state()).toBe('Hello thanks for writing to us');
      await page.keyboard.press('Control+z');
      await expect.poll(state).toBe('Hello ');
    });

    test('a typed ";thanks" is replaced: no shortcut left, no duplicate', async () => {
      const rendered = 'Thank you for your kind words, Sam!';
      await typeText('Hi Sam ;thanks');
      const found = await page.evaluate((selector) => window.__chorus!.shortcutBeforeCaret(document.querySelector(selector)!), fixture.editor);
      expect(found).toEqual({ shortcut: 'thanks', start: 7, end: 14 });
      expect(await insert(rendered, { replace: { start: found!.start, end: found!.end } })).toMatchObject({ ok: true });
      const after = await state();
      expect(after).toBe(`Hi Sam ${rendered}`);
      expect(after).not.toContain(';thanks');
      expect(after.split(rendered)).toHaveLength(2);
      await expect(page.locator('#reply')).toBeEnabled();
    });

    test('right-to-left text (Persian, Hebrew) and emoji arrive intact', async () => {
      await page.click(fixture.editor);
      expect(await insert(RTL_AND_EMOJI)).toMatchObject({ ok: true });
      expect(await state()).toBe(RTL_AND_EMOJI);
    });

    test('inserts in the middle, at the caret, and leaves the caret after the text', async () => {
      await typeText('Hello world');
      await page.keyboard.press('End');
      for (let i = 0; i < 'world'.length; i++) await page.keyboard.press('ArrowLeft');
      await expect.poll(() => page.evaluate((selector) => window.__chorus!.caretOffset(document.querySelector(selector)!), fixture.editor)).toBe('Hello '.length);
      expect(await insert('dear ')).toMatchObject({ ok: true });
      expect(await state()).toBe('Hello dear world');
      expect(await page.evaluate((selector) => window.__chorus!.caretOffset(document.querySelector(selector)!), fixture.editor)).toBe('Hello dear '.length);
    });

    test('a template with several lines keeps its lines, in order', async () => {
      const template = 'Hi Sam,\n\nThanks for writing. شكراً!\nThe Chorus team';
      const lines = (s: string) => s.split('\n').filter((line) => line.trim() !== '');
      await typeText('Hello ');
      expect(await insert(template)).toMatchObject({ ok: true });
      expect(lines(await state())).toEqual(lines(`Hello ${template}`));
    });

    // The fallbacks must work on their own too: each strategy in the plan, alone, replaces a
    // typed shortcut and lands the text exactly once. (A plain contenteditable that does not
    // handle paste itself ignores a synthetic one: the clipboard test above.)
    for (const strategy of strategiesFor(fixture.kind).filter((s) => !(fixture.kind === 'contenteditable' && s === 'paste'))) {
      test(`${strategy} alone replaces ";thanks" with the text, once`, async () => {
        const rendered = 'Merci! Asante sana 🙌';
        await typeText('Hi ;thanks');
        const found = await page.evaluate((selector) => window.__chorus!.shortcutBeforeCaret(document.querySelector(selector)!), fixture.editor);
        expect(await insert(rendered, { replace: { start: found!.start, end: found!.end }, strategies: [strategy] })).toEqual({ ok: true, strategy });
        expect(await state()).toBe(`Hi ${rendered}`);
        await expect(page.locator('#reply')).toBeEnabled();
      });
    }
  });
}
