import { describe, expect, it } from 'vitest';
import { adapter as bluesky } from '../sites/bluesky';
import { adapter as x } from '../sites/x';
import { adapter as youtube } from '../sites/youtube';
import { loadSnapshot, readContext } from '../sites/testing';
import type { SiteAdapter } from '../sites/types';
import { innermostItem } from './item';
import { reactionControlOf } from './reactions';

function controls(adapter: SiteAdapter, doc: Document, selector: string) {
  return [...doc.querySelectorAll(selector)].map((el) => {
    const found = reactionControlOf(adapter.platform, el);
    const item = found && innermostItem(adapter.findItems(doc), found.control);
    return { kind: found?.spec.kind, on: found?.spec.on(found.control), itemKey: item && adapter.readItem(item, readContext(doc))?.itemKey };
  });
}

describe('like and share controls in the snapshots', () => {
  it('X: like and repost, on when the site shows unlike/unretweet, each in its tweet', () => {
    const doc = loadSnapshot('extension/sites/snapshots/x/home-feed.html', 'https://x.com/home');
    const likes = controls(x, doc, '[data-testid="like"], [data-testid="unlike"]');
    expect(likes.length).toBeGreaterThan(0);
    expect(likes.every((c) => c.kind === 'like' && c.on === false && c.itemKey?.startsWith('x:'))).toBe(true);
    const shares = controls(x, doc, '[data-testid="retweet"], [data-testid="unretweet"]');
    expect(shares.map((c) => c.on).sort()).toEqual([false, true]);
    expect(shares.every((c) => c.kind === 'share' && c.itemKey?.startsWith('x:'))).toBe(true);
  });

  it('Bluesky: like and repost, “Undo repost” is on', () => {
    const doc = loadSnapshot('extension/sites/snapshots/bluesky/home-feed.html', 'https://bsky.app/');
    const likes = controls(bluesky, doc, '[data-testid="likeBtn"]');
    expect(likes.length).toBe(3);
    expect(likes.every((c) => c.kind === 'like' && c.on === false && c.itemKey?.startsWith('bluesky:'))).toBe(true);
    expect(controls(bluesky, doc, '[data-testid="repostBtn"]').filter((c) => c.on)).toHaveLength(1);
  });

  it('YouTube: a comment’s like, in its comment; clicks on the icon inside count', () => {
    const doc = loadSnapshot('extension/sites/snapshots/youtube/watch.html', 'https://www.youtube.com/watch?v=Kx3pWq9LmZs');
    const likes = controls(youtube, doc, '#like-button button');
    expect(likes).toEqual([{ kind: 'like', on: false, itemKey: expect.stringMatching(/^youtube:/) }]);
    const button = doc.querySelector('#like-button button')!;
    button.setAttribute('aria-pressed', 'true');
    expect(reactionControlOf('youtube', button)?.spec.on(button)).toBe(true);
    expect(reactionControlOf('youtube', doc.querySelector('#reply-button-end button')!)).toBeUndefined();
  });
});

describe("Reddit's upvote, inside shreddit-post's shadow root (as on the live site)", () => {
  it('is found, and belongs to the post that holds the shadow root', async () => {
    const { adapter: reddit } = await import('../sites/reddit');
    const url = 'https://www.reddit.com/r/MechanicalKeyboards/comments/1gx7k2p/my_first_build_feedback_welcome/';
    const doc = loadSnapshot('extension/sites/snapshots/reddit/thread.html', url);
    const post = doc.querySelector('shreddit-post')!;
    const shadow = post.attachShadow({ mode: 'open' });
    const upvote = doc.createElement('button');
    upvote.setAttribute('upvote', '');
    upvote.setAttribute('aria-pressed', 'false');
    shadow.append(upvote);
    const found = reactionControlOf('reddit', upvote);
    expect(found?.spec.kind).toBe('like');
    const item = innermostItem(reddit.findItems(doc), found!.control);
    expect(item).toBe(post);
    expect(reddit.readItem(item!, readContext(doc))?.kind).toBe('post');
  });
});

describe('cut', () => {
  it('never splits a character in two', async () => {
    const { cut } = await import('./item');
    const name = `${'a'.repeat(199)}😀`;
    expect(cut(name, 200)).toBe('a'.repeat(199));
    expect(cut('Noa 🙂', 200)).toBe('Noa 🙂');
    expect(cut('abc', 2)).toBe('ab');
  });
});
