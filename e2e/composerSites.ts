// The sites of the reply-flow e2e (composer-sites.spec.ts, firefox-composer.spec.ts): each
// site's snapshot with its reply box replaced by the REAL editor the site uses
// (e2e/editors/sites.tsx), and the item that box answers, read from the snapshot in Node.
import { readFileSync } from 'node:fs';
import { adapterFor } from '../extension/sites/registry.ts';
import { loadSnapshot, readAll } from '../extension/sites/testing.ts';
import type { ItemKind } from '../extension/sites/types.ts';
import type { Platform } from '../shared/schemas.ts';
import { pickBody, renderTemplate } from '../shared/templates.ts';
import type { SiteMount } from './editors/sites.tsx';

export interface Site {
  name: string;
  file: string;
  url: string;
  mount: SiteMount;
  /** The editable element once mounted. */
  editor: string;
  /** The item the box answers, as the site shows it: its author's handle and its kind. */
  answers: { handle: string; kind: ItemKind };
}

export const SITES: Site[] = [
  {
    // Replying to a reply opens X's reply dialog (a layer at the end of the page).
    name: 'x',
    file: 'x/status-thread.html',
    url: 'https://x.com/ChorusCoffee/status/1992143000000000001',
    mount: {
      kind: 'draft',
      open: {
        html: '<div id="layers"><div role="dialog" aria-modal="true" aria-label="Reply"><div>Replying to <a href="/sara_tehran">@sara_tehran</a></div><div class="reply-editor"><div data-mount></div><button data-testid="tweetButton" type="button" disabled aria-disabled="true"><span>Reply</span></button></div></div></div>',
      },
      at: '#layers [data-mount]',
      attrs: { 'data-testid': 'tweetTextarea_0', role: 'textbox', 'aria-label': 'Post text', 'aria-multiline': 'true' },
      submit: '[data-testid="tweetButton"]',
      close: '#layers [role="dialog"]',
    },
    editor: '#layers .public-DraftEditor-content',
    answers: { handle: 'sara_tehran', kind: 'reply' },
  },
  {
    name: 'tiktok',
    file: 'tiktok/video.html',
    url: 'https://www.tiktok.com/@lubelab/video/7439182736451234567',
    mount: {
      kind: 'draft',
      at: '[data-e2e="comment-input"] .DraftEditor-root',
      attrs: { role: 'textbox', 'aria-label': 'Add comment...' },
      submit: '[data-e2e="comment-post"]',
    },
    editor: '[data-e2e="comment-input"] .public-DraftEditor-content',
    // The comment box under the comment list comments on the video.
    answers: { handle: 'lubelab', kind: 'post' },
  },
  {
    name: 'facebook',
    file: 'facebook/post-permalink.html',
    url: 'https://www.facebook.com/chorus.coffee/posts/pfbid02Hq7xWkDuU4bLm3ZcKqVtR9sYpA1nEoF6gJiT8hX2wBzN5dQ3vCl',
    mount: { kind: 'lexical', at: '[aria-label="Comment as Chorus Coffee"]', submit: '[aria-label="Comment"][role="button"]' },
    editor: '[aria-label="Comment as Chorus Coffee"]',
    answers: { handle: 'chorus.coffee', kind: 'post' },
  },
  {
    // "Reply" under a comment: the reply box opens below the comment's replies.
    name: 'facebook reply to a comment',
    file: 'facebook/post-permalink.html',
    url: 'https://www.facebook.com/chorus.coffee/posts/pfbid02Hq7xWkDuU4bLm3ZcKqVtR9sYpA1nEoF6gJiT8hX2wBzN5dQ3vCl',
    mount: {
      kind: 'lexical',
      open: { html: '<div aria-label="Reply" role="button" aria-disabled="true" tabindex="-1" data-post>Post</div>', into: ':has(> [aria-label="Reply to Noa Levi"])' },
      at: '[aria-label="Reply to Noa Levi"]',
      submit: '[data-post]',
    },
    editor: '[aria-label="Reply to Noa Levi"]',
    answers: { handle: 'noa.levi.52', kind: 'comment' },
  },
  {
    // Replying to a reply opens Threads' reply dialog.
    name: 'threads',
    file: 'threads/post-thread.html',
    url: 'https://www.threads.com/@choruscoffee/post/DC4kQm9yZ1a',
    mount: {
      kind: 'lexical',
      open: {
        html: '<div role="dialog" aria-label="Reply"><div>Reply to sara.rezaei</div><div><div data-mount contenteditable="true" role="textbox" spellcheck="true" tabindex="0" aria-label="Empty text field. Type to compose a new post." style="user-select: text; white-space: pre-wrap; word-break: break-word;"></div></div><div role="button" tabindex="0" aria-disabled="true" data-post>Post</div></div>',
      },
      at: '[role="dialog"] [data-mount]',
      submit: '[role="dialog"] [data-post]',
      close: '[role="dialog"]',
    },
    editor: '[role="dialog"] [data-lexical-editor]',
    answers: { handle: 'sara.rezaei', kind: 'reply' },
  },
  {
    name: 'reddit',
    file: 'reddit/thread.html',
    url: 'https://www.reddit.com/r/MechanicalKeyboards/comments/1gx7k2p/my_first_build_feedback_welcome/',
    mount: { kind: 'lexical', at: 'shreddit-composer [contenteditable="true"]', submit: 'shreddit-composer button[slot="submit-button"]' },
    editor: 'shreddit-composer [data-lexical-editor]',
    answers: { handle: 'keeb_nadia', kind: 'post' },
  },
  {
    name: 'linkedin post page',
    file: 'linkedin/post-page.html',
    url: 'https://www.linkedin.com/feed/update/urn:li:activity:7397001122334455667/',
    mount: {
      kind: 'quill',
      at: '[componentkey^="commentsSectionContainer"] [contenteditable="true"]',
      attrs: { role: 'textbox', 'aria-label': 'Text editor for creating comment', 'aria-multiline': 'true', 'aria-placeholder': 'Add a comment…' },
      submit: '[componentkey^="commentsSectionContainer"] > div:first-child > button',
    },
    editor: '.ql-editor',
    answers: { handle: 'chorus-coffee', kind: 'post' },
  },
  {
    name: 'linkedin feed',
    file: 'linkedin/home-feed.html',
    url: 'https://www.linkedin.com/feed/',
    mount: {
      kind: 'prosemirror',
      open: { html: '<button class="comments-comment-box__submit-button--cr artdeco-button" type="button" disabled>Comment</button>', into: '.comments-comment-box' },
      at: '.comments-comment-box .ql-container',
      attrs: { role: 'textbox', 'aria-label': 'Text editor for creating content', 'aria-multiline': 'true', 'aria-placeholder': 'Add a comment…' },
      submit: '.comments-comment-box__submit-button--cr',
    },
    editor: '.comments-comment-box .ProseMirror',
    answers: { handle: 'sofia-ramirez-mx', kind: 'post' },
  },
  {
    name: 'bluesky',
    file: 'bluesky/post-thread.html',
    url: 'https://bsky.app/profile/choruscoffee.bsky.social/post/3mcfq2x7kzs2a',
    mount: {
      kind: 'prosemirror',
      at: '[data-testid="composerTextInput"] .ProseMirror',
      attrs: { role: 'textbox', translate: 'no', 'aria-label': 'Rich-Text Editor' },
      submit: '[data-testid="composerPublishBtn"]',
      close: '[data-testid="composePostView"]',
    },
    editor: '[data-testid="composerTextInput"] .ProseMirror',
    answers: { handle: 'reza.bsky.social', kind: 'reply' },
  },
  {
    name: 'instagram',
    file: 'instagram/post-page.html',
    url: 'https://www.instagram.com/p/DQx7hKzAbC9/',
    mount: {
      kind: 'textarea',
      at: 'form textarea',
      attrs: { 'aria-label': 'Add a comment…', placeholder: 'Add a comment…', autocomplete: 'off', autocorrect: 'off', class: 'x1i0vuye' },
      submit: 'form [role="button"]',
      // Instagram sometimes refuses a comment ("Couldn't post comment"): nothing is recorded for it.
      refuse: 1,
    },
    editor: 'form textarea',
    answers: { handle: 'chorus.coffee', kind: 'post' },
  },
  {
    // "Reply" on a comment opens a reply box inside it; it closes once the reply is posted.
    name: 'youtube',
    file: 'youtube/watch.html',
    url: 'https://www.youtube.com/watch?v=Kx3pWq9LmZs',
    mount: {
      kind: 'contenteditable',
      open: {
        html: '<div id="reply-dialog"><ytd-comment-reply-dialog-renderer><ytd-commentbox id="commentbox"><tp-yt-paper-input-container><div id="contenteditable-textarea"><div id="contenteditable-root" contenteditable="true" dir="auto" aria-label="Add a reply…" role="textbox" aria-multiline="true"></div></div></tp-yt-paper-input-container><ytd-button-renderer id="submit-button"><button aria-label="Reply" disabled>Reply</button></ytd-button-renderer></ytd-commentbox></ytd-comment-reply-dialog-renderer></div>',
        into: 'ytd-comment-thread-renderer > ytd-comment-view-model ytd-comment-engagement-bar',
      },
      at: '#reply-dialog #contenteditable-root',
      submit: '#reply-dialog #submit-button button',
      close: '#reply-dialog',
    },
    editor: '#reply-dialog #contenteditable-root',
    answers: { handle: 'sarah.builds', kind: 'comment' },
  },
];

export const TEMPLATE = { title: 'Thanks', body: 'Hi {{author.firstName | "there"}}, thanks for writing! — {{agent.name}}, {{brand}}', shortcut: ';thanks' };
export const MEMBER = 'Amani';
export const BRAND = 'Kahawa Bora';

/** The snapshot with the site's real editor mounted in it. */
export function pageHtml(site: Site, siteEditors: string): string {
  const html = readFileSync(`extension/sites/snapshots/${site.file}`, 'utf8');
  const config = `<script>window.__siteMount = ${JSON.stringify(site.mount).replace(/</g, '\\u003c')};</script>`;
  return html.replace(/<\/body>/i, () => `${config}${siteEditors}</body>`);
}

/** The item the box answers and the template as it must read for it, from the snapshot in Node. */
export function expected(site: Site) {
  const adapter = adapterFor(new URL(site.url))!;
  const item = readAll(adapter, loadSnapshot(`extension/sites/snapshots/${site.file}`, site.url), Date.now()).find(
    (i) => i.author.handle === site.answers.handle && i.kind === site.answers.kind,
  );
  if (!item) throw new Error(`${site.name}: no ${site.answers.kind} by ${site.answers.handle} in ${site.file}`);
  const platform = adapter.platform as Platform;
  const render = (author: typeof item.author | undefined) =>
    renderTemplate(pickBody({ body: TEMPLATE.body, variants: {} }, platform), { ...(author ? { author } : {}), agent: { name: MEMBER }, brand: BRAND, platform }).text;
  return { itemKey: item.itemKey, platform, text: render(item.author), withoutAuthor: render(undefined) };
}

