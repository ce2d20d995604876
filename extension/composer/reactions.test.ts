import { describe, expect, it } from 'vitest';
import { adapter as bluesky } from '../sites/bluesky';
import { adapter as x } from '../sites/x';
import { adapter as youtube } from '../sites/youtube';
import { loadSnapshot, readContext } from '../sites/testing';
import type { SiteAdapter } from '../sites/types';
import { itemElementOf, reactionControlOf } from './reactions';

function controls(adapter: SiteAdapter, doc: Document, selector: string) {
  return [...doc.querySelectorAll(selector)].map((el) => {
    const found = reactionControlOf(adapter.platform, el);
    const item = found && itemElementOf(adapter, found.control);
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
