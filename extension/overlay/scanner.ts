// Finds a site's items without making the page janky (uBlock Origin's rule: the page is
// not ours). One MutationObserver for the whole document only queues added nodes; the work
// runs in animation frames with a time budget, continuing in the next frame when over it;
// an IntersectionObserver keeps off-screen items free until they come near the viewport,
// and each item is read once.
import type { ReadContext, SiteAdapter, SiteItem } from '../sites/types';

/** Work per frame; the rest waits for the next one, so the extension's own code stays far
 * from 50 ms in any task (the page's rendering after an insertion comes on top: bench:content). */
const FRAME_BUDGET_MS = 8;
/** Items already in view are read in one frame, up to this many (a screen holds fewer) or
 * this much time: every frame that inserts hints costs the page a rendering update (on a
 * 2,000-comment thread 13-20 ms whatever is inserted), so the screen gets its hints in one
 * update rather than one per few items. Such a frame reads nothing else, so the screen's
 * hints come as soon as they can. */
const IN_VIEW_MAX_ITEMS = 16;
const IN_VIEW_BUDGET_MS = 16;
/** Items off the screen (near it, or scrolled past while hints were held back) come at most
 * this many a frame: each hint adds to the page's next rendering update (on a 2,000-comment
 * thread about 1.3 ms a hint over a 13 ms floor), and thirty of them after a scroll made a
 * 65 ms task. */
const MAX_ITEMS_PER_FRAME = 12;
/** After a scroll, the queued items whose boxes are read to put what is on screen first. */
const RESORT_MAX_ITEMS = 200;
/** While the member scrolls, no hint is inserted: every insertion costs a long page a
 * rendering update on top of the scroll's own frames. They come this long after it stops, or
 * after SCROLL_HOLD_MAX_MS at the most (a panel that never stops scrolling, a live feed,
 * must not keep the hints away). */
const SCROLL_QUIET_MS = 120;
const SCROLL_HOLD_MAX_MS = 1000;
/** Items this close below the viewport are read before they scroll in. */
const NEAR_VIEWPORT = '300px 0px';
const HOST_TAG = 'CHORUS-HINT';

export interface ScannerOptions {
  adapter: SiteAdapter;
  /** A visible item, read; called once per element. */
  onItem(element: Element, item: SiteItem): void;
  /** An element the adapter could not read (an ad, a placeholder), or whose read threw. */
  onSkip?(element: Element, error?: unknown): void;
  signal: AbortSignal;
  frameBudgetMs?: number;
  /** Expensive first calls to make, one per task, before items are read. */
  warmUp?: (() => void)[];
  /** Items are found and watched at once, but read only once this resolves true (the
   * background's answer whether this page is on): the two waits overlap. False stops. */
  ready?: Promise<boolean>;
}

export interface Scanner {
  /** Items found so far (visible or not). */
  readonly found: number;
  /** Items read and handed to onItem. */
  readonly annotated: number;
}

export function startScanner(doc: Document, options: ScannerOptions): Scanner {
  const { adapter, onItem, onSkip, signal } = options;
  const budget = options.frameBudgetMs ?? FRAME_BUDGET_MS;
  // Queues with a moving head: shift() on a 10,000-long array would be quadratic.
  const roots = queue<Node>();
  const pending = queue<Element>();
  const visible = queue<Element>();
  /** Near-viewport items already on screen (the IntersectionObserver's geometry, no layout read). */
  const inView = queue<Element>();
  const known = new WeakSet<Element>();
  const stats = { found: 0, annotated: 0 };
  let scheduled = false;
  let stopped = false;
  /** Until the page is known to be on, items are found and watched but not read. */
  let on = options.ready === undefined;
  /** Nor before the costly first calls (warmUp) are made, each in a task of its own. */
  let warmed = false;
  const reading = () => on && warmed;

  const context = (): ReadContext => ({ now: Date.now(), pageLang: doc.documentElement.lang || 'en', pageUrl: new URL(doc.location.href) });

  const io = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        io.unobserve(entry.target);
        const box = entry.boundingClientRect;
        (box.bottom > 0 && box.top < innerHeight ? inView : visible).push(entry.target);
      }
      schedule();
    },
    { rootMargin: NEAR_VIEWPORT },
  );

  const mo = new MutationObserver((records) => {
    // Queue only: no selector runs here.
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && (node as Element).tagName !== HOST_TAG) roots.push(node);
      }
    }
    if (roots.size) schedule();
  });

  function schedule() {
    if (scheduled || stopped || signal.aborted) return;
    scheduled = true;
    requestAnimationFrame(run);
  }

  let lastScroll = Number.NEGATIVE_INFINITY;
  let lastRead = Number.NEGATIVE_INFINITY;
  /** When reading was first held back by the current scroll (undefined: not held). */
  let heldSince: number | undefined;
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the page is being scrolled now; if so, a run is booked for when it stops. */
  function scrolling(now: number): boolean {
    const left = lastScroll + SCROLL_QUIET_MS - now;
    if (left <= 0 || (heldSince !== undefined && now - heldSince >= SCROLL_HOLD_MAX_MS)) {
      heldSince = undefined;
      return false;
    }
    heldSince ??= now;
    quietTimer ??= setTimeout(() => {
      quietTimer = undefined;
      schedule();
    }, left);
    return true;
  }
  addEventListener('scroll', () => (lastScroll = performance.now()), { capture: true, passive: true, signal });

  function run() {
    scheduled = false;
    if (signal.aborted) return;
    const start = performance.now();
    const deadline = start + budget;
    // Reading visible items first: what the member looks at gets its badge soonest.
    let ctx: ReadContext | undefined;
    const readOne = (element: Element) => {
      if (!element.isConnected) return;
      ctx ??= context();
      let item: SiteItem | undefined;
      try {
        item = adapter.readItem(element, ctx);
      } catch (error) {
        onSkip?.(element, error);
        return;
      }
      if (!item) {
        onSkip?.(element);
        return;
      }
      stats.annotated++;
      try {
        onItem(element, item);
      } catch (error) {
        onSkip?.(element, error);
      }
    };
    // Items are read (and get their hints) when the page is on, warmed up, and not being scrolled.
    const read = reading() && !scrolling(start);
    if (read && lastScroll > lastRead) {
      // After a scroll the queues are sorted again: what is on screen now goes first (after a
      // scroll alone layout is clean at the start of a frame, so reading boxes costs little; a
      // page that changed meanwhile is laid out here once, as its next frame would anyway).
      // Only the most recently queued are measured (what scrolled in last is where the
      // member stopped): after a long scroll, boxes for hundreds of items cost a frame 20 ms.
      const all = [...inView.drain(), ...visible.drain()];
      const recent = all.splice(Math.max(0, all.length - RESORT_MAX_ITEMS));
      const below: Element[] = [];
      for (const element of recent) {
        const box = element.getBoundingClientRect();
        (box.bottom > 0 && box.top < innerHeight && box.height > 0 ? inView : below).push(element);
      }
      for (const element of [...below, ...all]) visible.push(element);
    }
    if (read) {
      lastRead = start;
      // Let through by SCROLL_HOLD_MAX_MS while the page still scrolls: a few of what is on
      // screen now, in an ordinary frame's budget (the screen is about to change again).
      const stillScrolling = lastScroll + SCROLL_QUIET_MS > start;
      const inViewMax = stillScrolling ? MAX_ITEMS_PER_FRAME / 2 : IN_VIEW_MAX_ITEMS;
      const inViewDeadline = start + (stillScrolling ? budget : Math.max(budget, IN_VIEW_BUDGET_MS));
      let handed = 0;
      for (; inView.size && handed < inViewMax && performance.now() < inViewDeadline; handed++) readOne(inView.shift());
      if (handed === 0 && !stillScrolling) for (; visible.size && handed < MAX_ITEMS_PER_FRAME && performance.now() < deadline; handed++) readOne(visible.shift());
    }
    while ((pending.size || roots.size) && performance.now() < deadline) {
      // Found items are observed a slice at a time: a page arriving with thousands at once
      // (the first scan, a long thread expanded) must not make one long task.
      if (pending.size) {
        for (let n = 0; n < 200 && pending.size; n++) {
          const element = pending.shift();
          if (known.has(element)) continue;
          known.add(element);
          stats.found++;
          io.observe(element);
        }
        continue;
      }
      const root = roots.shift();
      if (!root.isConnected) continue;
      try {
        for (const element of adapter.findItems(root as ParentNode)) pending.push(element);
      } catch {
        // A subtree the adapter cannot read: skipped, the rest of the page goes on.
      }
    }
    if (roots.size || pending.size || (read && (inView.size || visible.size))) schedule();
  }

  roots.push(doc.body ?? doc.documentElement);
  mo.observe(doc.documentElement, { childList: true, subtree: true });
  // Items are found and watched from the first frame on; the costly first calls (warmUp: the
  // badge's stylesheet) run meanwhile, each in its own task, so no frame pays
  // for them on top of its own work (and no task holds two).
  schedule();
  const warm = [...(options.warmUp ?? [])];
  const warmNext = () => {
    const task = warm.shift();
    if (!task || stopped || signal.aborted) {
      warmed = true;
      return schedule();
    }
    try {
      task();
    } catch {
      // Warming is an optimisation only.
    }
    setTimeout(warmNext, 0);
  };
  setTimeout(warmNext, 0);
  options.ready?.then(
    (answer) => {
      if (!answer) return stop();
      on = true;
      // Items already on screen are read at once, not at the next frame: the rendering update
      // that shows their hints comes at that frame either way.
      if (warmed && inView.size && !scheduled && !signal.aborted) run();
      else schedule();
    },
    () => stop(),
  );
  function stop() {
    stopped = true;
    clearTimeout(quietTimer);
    mo.disconnect();
    io.disconnect();
    roots.clear();
    pending.clear();
    inView.clear();
    visible.clear();
  }
  signal.addEventListener('abort', stop);
  return {
    get found() {
      return stats.found;
    },
    get annotated() {
      return stats.annotated;
    },
  };
}

function queue<T>() {
  let items: T[] = [];
  let head = 0;
  return {
    get size() {
      return items.length - head;
    },
    push(item: T) {
      items.push(item);
    },
    shift(): T {
      const item = items[head++]!;
      // Drop the consumed part now and then, so memory follows what is still queued.
      if (head > 1024 && head * 2 > items.length) {
        items = items.slice(head);
        head = 0;
      }
      return item;
    },
    clear() {
      items = [];
      head = 0;
    },
    /** Takes out everything still queued, in order. */
    drain(): T[] {
      const rest = items.slice(head);
      items = [];
      head = 0;
      return rest;
    },
  };
}
