// @vitest-environment happy-dom
// The scanner's schedule: items are found at once but read only when the page is on; while
// the member scrolls nothing is read (hints would cost the page a rendering update per
// frame), and reading resumes when scrolling stops — or after a second at the most, so a
// panel that never stops scrolling cannot keep the hints away.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SiteAdapter, SiteItem } from '../sites/types';
import { startScanner } from './scanner';

/** An IntersectionObserver the test drives: everything observed is "in view" on flush(). */
class FakeObserver {
  static all: FakeObserver[] = [];
  observed = new Set<Element>();
  constructor(private callback: (entries: IntersectionObserverEntry[]) => void) {
    FakeObserver.all.push(this);
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {
    this.observed.clear();
  }
  static flush(box = { top: 10, bottom: 50, height: 40 }) {
    for (const io of FakeObserver.all) {
      const entries = [...io.observed].map((target) => ({ target, isIntersecting: true, boundingClientRect: box }) as unknown as IntersectionObserverEntry);
      if (entries.length) io.callback(entries);
    }
  }
}

const adapter = {
  platform: 'reddit',
  findItems: (root: ParentNode) => [...root.querySelectorAll('.item')],
  readItem: (el: Element): SiteItem => ({ itemKey: `reddit:${el.id}`, kind: 'comment', author: { name: el.id }, text: el.textContent ?? '' }) as SiteItem,
} as unknown as SiteAdapter;

const controllers: AbortController[] = [];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'performance', 'Date'] });
  FakeObserver.all = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  document.body.innerHTML = '<div id="a" class="item">one</div><div id="b" class="item">two</div><div id="c" class="item">three</div>';
  // Boxes on screen for the re-sort after a scroll.
  for (const el of document.querySelectorAll('.item')) el.getBoundingClientRect = () => ({ top: 10, bottom: 50, height: 40 }) as DOMRect;
});
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function start(ready: Promise<boolean>) {
  const read: string[] = [];
  const controller = new AbortController();
  controllers.push(controller);
  const scanner = startScanner(document, { adapter, signal: controller.signal, ready, onItem: (_el, item) => read.push(item.itemKey) });
  return { read, scanner };
}

/** Frames and timers run for `ms`, with the observer reporting in between. */
async function run(ms: number, box?: { top: number; bottom: number; height: number }) {
  for (let t = 0; t < ms; t += 16) {
    await vi.advanceTimersByTimeAsync(16);
    FakeObserver.flush(box);
  }
}

describe('scanner', () => {
  it('finds items at once but reads none until the page is on', async () => {
    let on!: (value: boolean) => void;
    const { read, scanner } = start(new Promise((resolve) => (on = resolve)));
    await run(200);
    expect(read).toEqual([]);
    expect(scanner.found).toBe(3);
    on(true);
    await run(100);
    expect(read).toEqual(['reddit:a', 'reddit:b', 'reddit:c']);
  });

  it('items already on screen are read as soon as the page is on, not a frame later', async () => {
    let on!: (value: boolean) => void;
    const { read } = start(new Promise((resolve) => (on = resolve)));
    await run(100);
    on(true);
    // Promise callbacks only: no timer or animation frame has run since.
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toEqual(['reddit:a', 'reddit:b', 'reddit:c']);
  });

  it('reads nothing on a page that is off, and stops watching it', async () => {
    const { read } = start(Promise.resolve(false));
    await run(300);
    expect(read).toEqual([]);
    expect(FakeObserver.all[0]!.observed.size).toBe(0);
  });

  it('waits while the page scrolls and reads when it stops', async () => {
    const { read } = start(Promise.resolve(true));
    // Scrolling from the start, one event per frame for half a second.
    for (let t = 0; t < 500; t += 16) {
      dispatchEvent(new Event('scroll'));
      await run(16);
    }
    expect(read).toEqual([]);
    await run(300);
    expect(read).toEqual(['reddit:a', 'reddit:b', 'reddit:c']);
  });

  it('a panel that never stops scrolling holds the hints back a second at the most', async () => {
    const { read } = start(Promise.resolve(true));
    for (let t = 0; t < 1600 && read.length === 0; t += 16) {
      document.body.dispatchEvent(new Event('scroll'));
      await run(16);
    }
    expect(read).toEqual(['reddit:a', 'reddit:b', 'reddit:c']);
  });

  it('let through while the page still scrolls, a frame reads a few of the screen\'s items and nothing off it', async () => {
    // Ten items scrolled past (above the screen) and twenty on it.
    document.body.innerHTML = Array.from({ length: 30 }, (_, i) => `<div id="i${i}" class="item">item ${i}</div>`).join('');
    for (const el of document.querySelectorAll('.item')) {
      const box = Number(el.id.slice(1)) < 10 ? { top: -900, bottom: -860, height: 40 } : { top: 10, bottom: 50, height: 40 };
      el.getBoundingClientRect = () => box as DOMRect;
    }
    const { read } = start(Promise.resolve(true));
    let t = 0;
    for (; t < 1600 && read.length === 0; t += 16) {
      dispatchEvent(new Event('scroll'));
      await run(16);
    }
    // The first frame let through: six of the screen's, not the sixteen a still screen gets at
    // once, and none of those scrolled past.
    expect(read.length).toBe(6);
    expect(read.every((key) => Number(key.slice('reddit:i'.length)) >= 10)).toBe(true);
    await run(400);
    expect(read.length).toBe(30);
  });

  it('items off the screen come a dozen a frame at the most (each hint adds to the page\'s next rendering update)', async () => {
    document.body.innerHTML = Array.from({ length: 30 }, (_, i) => `<div id="i${i}" class="item">item ${i}</div>`).join('');
    const perFrame: number[] = [];
    let frame = 0;
    const controller = new AbortController();
    controllers.push(controller);
    startScanner(document, {
      adapter,
      signal: controller.signal,
      ready: Promise.resolve(true),
      onItem: () => (perFrame[frame] = (perFrame[frame] ?? 0) + 1),
    });
    // Near the viewport but below it: the observer's rootMargin brought them in.
    const below = { top: 2000, bottom: 2040, height: 40 };
    for (; frame < 20; frame++) await run(16, below);
    expect(perFrame.reduce((a, b) => a + (b ?? 0), 0)).toBe(30);
    expect(Math.max(...perFrame.filter(Boolean))).toBeLessThanOrEqual(12);
  });
});
