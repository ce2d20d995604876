// Content-script benchmark: `npm run bench:content` (after `npm run build`; CHORUS_OUT_DIR
// picks another build folder, CHORUS_BENCH_RUNS the number of runs, 5 by default).
//
// A Reddit post page (the saved snapshot) grown to 2,000 comments in many languages is
// served at its real URL to headless Chromium with the built extension, connected to a real
// API process. Measured in the page:
//  - annotate: from the content script's start (its `chorus:start` mark, run.ts) until every
//    item whose box is in the first viewport has its chorus-hint on screen, that is until the
//    end of the first rendering update after the hint's insertion (a task posted from each
//    animation frame marks when that frame's style, layout and paint are done); also given
//    from the load event (the content script starts at document_idle, after load);
//  - scripting: Chromium's ScriptDuration (all worlds) from navigation until the hints settle,
//    minus the same page loaded without the extension (so: what the extension costs);
//  - longest task: the longest main-thread task while loading and annotating (the Long Tasks
//    API reports tasks of 50 ms or more; none means under 50 ms), and in the same way while
//    scrolling through the whole page; the same page without the extension gives the page's
//    own long tasks (parsing and laying out 2,000 comments) beside them;
//  - Long Animation Frames (≥ 50 ms): the style-and-layout phase of frames in which hints were
//    inserted, and any content-script callback in them (Chromium attributes scripts of the
//    page's own world only, so a content script's callback shows as none: the scripting
//    figure and the with/without comparison are the honest measure of its own time);
//  - the extension's own tasks, from a Chromium trace in separate runs (bench/lib/trace.ts):
//    every main-thread task in which the extension's code ran, the longest of them with how
//    much of it was the extension's code and how much the page's style, layout and paint,
//    and the most extension code in one task (CHORUS_BENCH_TRACED_RUNS, 3 by default;
//    CHORUS_BENCH_TRACE_FILE=<file> keeps the last trace's events for a closer look);
//  - content script size per site, gzip.
// Baseline in the same run: a bare scan of the same page — query every item and read its
// text, no UI — timed in the page. Beside it, the page's own rendering floor: the rendering
// update after six short spans are put into the comments in view (no extension), the least
// the page itself takes to show anything new there. Target: annotate ≤ 2× the bare scan, longest task ≤ 50 ms,
// content script ≤ 60 KB gzip. Writes bench/results.json under "content" (other keys kept).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { chromiumPath, extensionDir, launchWithExtension, startApi } from '../e2e/fixtures.ts';
import { attributeTasks, CONTENT_SCRIPT_URL, type TaskAttribution, type TraceEvent } from './lib/trace.ts';

const COMMENTS = 2000;
const RUNS = Number(process.env.CHORUS_BENCH_RUNS ?? 5);
const TRACED_RUNS = Number(process.env.CHORUS_BENCH_TRACED_RUNS ?? 3);
const URL_ = 'https://www.reddit.com/r/MechanicalKeyboards/comments/1gx7k2p/my_first_build_feedback_welcome/';
/** The items the Reddit adapter annotates (extension/sites/reddit.ts): deleted comments have no hint. */
const LIVE_ITEMS = 'shreddit-post, shreddit-comment:not([is-comment-deleted]):not([author="[deleted]"]):not([author="[removed]"])';
const TARGETS = { ratio: 2, longestTaskMs: 50, contentScriptGzipKb: 60 };
const root = fileURLToPath(new URL('..', import.meta.url));
const resultsPath = join(root, 'bench', 'results.json');

const TEXTS = [
  'Where can I buy the switches you used? Do you ship to Kenya?',
  'Mine arrived broken AGAIN 🙄 third time this month',
  'This build is gorgeous, love the keycaps!',
  'Je cherche le même clavier, il coûte combien ?',
  '¿Cómo hiciste el lubricado? no me queda igual',
  'Bàn phím này giá bao nhiêu vậy shop?',
  'מתי המלאי חוזר? חיכיתי שבועיים',
  'سلام، این کیبورد رو از کجا خریدید؟',
  'الطلب متأخر أسبوعين ولا أحد يرد 😡',
  'Asante sana, imefika salama na inafanya kazi poa',
  'Kargo hâlâ gelmedi, rezalet',
  'Keren banget min, ada warna putih gak?',
  'Tolle Arbeit, sieht richtig sauber aus',
  'Quanto custa o frete pro Brasil?',
];

/** The snapshot with an inline script that grows its comment tree to COMMENTS before the
 * content script runs (document_idle comes after inline scripts). */
function grownPage(): string {
  const html = readFileSync(join(root, 'extension/sites/snapshots/reddit/thread.html'), 'utf8');
  const grow = `<script>
(() => {
  const texts = ${JSON.stringify(TEXTS)};
  const first = document.querySelector('shreddit-comment[depth="0"]');
  const parent = first.parentElement;
  const have = document.querySelectorAll('shreddit-comment').length;
  for (let i = 0; have + i < ${COMMENTS}; i++) {
    const copy = first.cloneNode(true);
    copy.querySelectorAll('shreddit-comment').forEach((reply) => reply.remove());
    const id = 't1_b' + i.toString(36).padStart(6, '0');
    copy.setAttribute('thingid', id);
    copy.setAttribute('permalink', '/r/MechanicalKeyboards/comments/1gx7k2p/comment/' + id.slice(3) + '/');
    const body = copy.querySelector('[slot="comment"]');
    if (body) body.textContent = texts[i % texts.length] + ' #' + i;
    parent.append(copy);
  }
})();
</script>`;
  return html.replace('</body>', `${grow}</body>`);
}

interface Frame {
  start: number;
  duration: number;
  /** When the frame's style and layout began (0: no rendering in it). */
  styleAndLayoutStart: number;
  scripts: { url: string; invoker: string; duration: number; forcedLayout: number }[];
}

interface Probe {
  loadAt: number;
  /** performance.now() of each chorus-hint insertion. */
  hintTimes: number[];
  /** performance.now() of the first hint inserted for each item key. */
  hintAt: Record<string, number>;
  /** performance.now() right after each rendering update (a task posted from a rAF callback). */
  paintedAt: number[];
  longTasks: number[];
  frames: Frame[];
  stop: boolean;
}

/** Runs in the page before anything else: long tasks, long animation frames (with the scripts
 * in them), when each hint was inserted, and when each rendering update finished. */
function probe() {
  const b: Probe = { loadAt: 0, hintTimes: [], hintAt: {}, paintedAt: [], longTasks: [], frames: [], stop: false };
  (window as unknown as { __bench: Probe }).__bench = b;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) b.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      type Script = { sourceURL: string; invoker: string; duration: number; forcedStyleAndLayoutDuration: number };
      for (const e of list.getEntries() as unknown as { startTime: number; duration: number; styleAndLayoutStart: number; scripts: Script[] }[]) {
        b.frames.push({
          start: e.startTime,
          duration: e.duration,
          styleAndLayoutStart: e.styleAndLayoutStart,
          scripts: e.scripts.map((x) => ({ url: x.sourceURL, invoker: x.invoker, duration: x.duration, forcedLayout: x.forcedStyleAndLayoutDuration })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // No Long Animation Frames API: the long tasks remain.
  }
  addEventListener('load', () => (b.loadAt = performance.now()));
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      for (const n of r.addedNodes) {
        if ((n as Element).tagName !== 'CHORUS-HINT') continue;
        b.hintTimes.push(now);
        b.hintAt[(n as Element).getAttribute('data-item-key') ?? ''] ??= now;
      }
    }
  }).observe(document, { childList: true, subtree: true });
  // A hint inserted at t is on screen after the first rendering update that ends after t.
  const channel = new MessageChannel();
  channel.port1.onmessage = () => b.paintedAt.push(performance.now());
  const frame = () => {
    if (b.stop) return;
    channel.port2.postMessage(0);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Chromium's ScriptDuration counts only while the Performance domain is on: it is turned on
 * before the page loads (openPage) and read here. */
async function scriptDuration(page: Page): Promise<number> {
  const cdp = sessions.get(page)!;
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}
const sessions = new WeakMap<Page, CDPSession>();

interface Run {
  annotateMs: number;
  annotateFromLoadMs: number;
  bareScanMs: number;
  renderingFloorMs: number;
  scriptingMs: number;
  longestTaskMs: number;
  longTasks: number;
  scrollLongestTaskMs: number;
  plainLongestTaskMs: number;
  plainScrollLongestTaskMs: number;
  loading: Attribution;
  scrolling: Attribution;
  visible: number;
  hintsAfterScroll: number;
}

/** What the Long Animation Frames (≥ 50 ms) say about the extension's part in them. */
interface Attribution {
  /** Longest frame in which a content-script callback ran (0: none of 50 ms or more). */
  longestFrameWithExtensionMs: number;
  /** Longest single content-script callback inside such frames. */
  longestExtensionScriptMs: number;
  /** Longest style-and-layout phase of a frame in which hints were inserted. */
  longestStyleLayoutAfterHintsMs: number;
  /** Long frames in which hints were inserted, and all long frames. */
  framesWithHints: number;
  frames: number;
}


function attribute(frames: Frame[], hintTimes: number[]): Attribution {
  let longestFrameWithExtensionMs = 0;
  let longestExtensionScriptMs = 0;
  let longestStyleLayoutAfterHintsMs = 0;
  let framesWithHints = 0;
  for (const f of frames) {
    const ours = f.scripts.filter((x) => CONTENT_SCRIPT_URL.test(x.url));
    if (ours.length) longestFrameWithExtensionMs = Math.max(longestFrameWithExtensionMs, f.duration);
    for (const x of ours) longestExtensionScriptMs = Math.max(longestExtensionScriptMs, x.duration);
    const end = f.start + f.duration;
    if (hintTimes.some((t) => t >= f.start && t <= end)) {
      framesWithHints++;
      if (f.styleAndLayoutStart > 0) longestStyleLayoutAfterHintsMs = Math.max(longestStyleLayoutAfterHintsMs, end - f.styleAndLayoutStart);
    }
  }
  return { longestFrameWithExtensionMs, longestExtensionScriptMs, longestStyleLayoutAfterHintsMs, framesWithHints, frames: frames.length };
}

async function openPage(context: BrowserContext, html: string): Promise<Page> {
  await context.route('https://www.reddit.com/**', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  // tsx names the probe's inner functions with an __name helper the page does not have.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  await page.addInitScript(probe);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  sessions.set(page, cdp);
  return page;
}

/** Loads the page with the extension under a Chromium trace, then scrolls through it: the
 * extension's tasks while loading and annotating, and while scrolling. */
async function tracedRun(context: BrowserContext, html: string): Promise<{ loading: TaskAttribution; scrolling: TaskAttribution }> {
  const page = await openPage(context, html);
  const cdp = sessions.get(page)!;
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing'], recordMode: 'recordContinuously' },
  });
  await page.goto(URL_, { waitUntil: 'load' });
  await settle(page);
  await page.evaluate(() => console.timeStamp('chorus-bench:scroll'));
  await scrollThrough(page);
  await settle(page);
  await cdp.send('Tracing.end');
  await done;
  await page.close();
  if (process.env.CHORUS_BENCH_TRACE_FILE) writeFileSync(process.env.CHORUS_BENCH_TRACE_FILE, JSON.stringify(events));
  const mark = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'chorus-bench:scroll')?.ts ?? Number.POSITIVE_INFINITY;
  return { loading: attributeTasks(events, 0, mark), scrolling: attributeTasks(events, mark, Number.POSITIVE_INFINITY) };
}

/** Query every item and read its text: the least any annotation has to do. */
async function bareScan(page: Page): Promise<number> {
  return page.evaluate((LIVE) => {
    const t0 = performance.now();
    let chars = 0;
    for (const item of document.querySelectorAll(LIVE)) {
      const body = item.querySelector('[slot="comment"], [slot="text-body"]');
      chars += (body?.textContent ?? '').length;
    }
    const elapsed = performance.now() - t0;
    return chars > 0 ? elapsed : Number.NaN;
  }, LIVE_ITEMS);
}

/** The page's own floor for any visible annotation, in the same run: six short spans (a badge's
 * text, no extension) put into the comments in view from one animation frame, and the time
 * until that frame's style, layout and paint are done. Median of five, the spans taken out
 * again between. */
async function renderingFloor(page: Page): Promise<number> {
  return page.evaluate(async (LIVE) => {
    const inView = [...document.querySelectorAll(LIVE)]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.top < innerHeight && r.bottom > 0 && r.height > 0;
      })
      .slice(0, 6);
    const frame = (work: () => void) =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => {
          const t0 = performance.now();
          work();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - t0);
          channel.port2.postMessage(0);
        }),
      );
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const spans: HTMLElement[] = [];
      times.push(
        await frame(() => {
          for (const item of inView) {
            const span = document.createElement('span');
            span.textContent = '? Question · English · 2 hr';
            (item.querySelector('[slot="commentMeta"], [slot="credit-bar"]') ?? item).append(span);
            spans.push(span);
          }
        }),
      );
      await frame(() => spans.forEach((span) => span.remove()));
    }
    times.sort((a, b) => a - b);
    return inView.length ? times[2]! : Number.NaN;
  }, LIVE_ITEMS);
}

const readProbe = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Probe }).__bench);

async function oneRun(withExtension: BrowserContext, plain: BrowserContext, html: string): Promise<Run> {
  // Without the extension: the page's own scripting, and the bare scan.
  const bare = await openPage(plain, html);
  await bare.goto(URL_, { waitUntil: 'load' });
  await bare.waitForTimeout(1500);
  const plainScripting = await scriptDuration(bare);
  const bareScanMs = await bareScan(bare);
  // The page's own long tasks (parsing and laying out 2,000 comments, scrolling them), for comparison.
  const plainLoadTasks = (await readProbe(bare)).longTasks;
  // After those are read: its frames are not the page's loading.
  const renderingFloorMs = await renderingFloor(bare);
  const beforeScroll = (await readProbe(bare)).longTasks.length;
  await scrollThrough(bare);
  const plainAll = (await readProbe(bare)).longTasks;
  await bare.close();

  const page = await openPage(withExtension, html);
  await page.goto(URL_, { waitUntil: 'load' });
  await settle(page);
  // Every item in the first viewport (read only now, so the bench forces no layout before).
  const visibleKeys = await page.evaluate((LIVE) =>
    [...document.querySelectorAll(LIVE)]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.top < innerHeight && r.bottom > 0 && r.height > 0;
      })
      .map((el) => `reddit:${el.getAttribute('thingid') ?? el.getAttribute('id')}`),
    LIVE_ITEMS,
  );
  // The content script marks its start (extension/overlay/run.ts).
  const start = await page.evaluate(() => performance.getEntriesByName('chorus:start')[0]?.startTime ?? Number.NaN);
  const probeNow = await readProbe(page);
  const inserted = Math.max(...visibleKeys.map((k) => probeNow.hintAt[k] ?? Number.NaN));
  const painted = probeNow.paintedAt.find((t) => t > inserted) ?? Number.NaN;
  const annotateMs = painted - start;
  const annotateFromLoadMs = painted - probeNow.loadAt;
  const scriptingMs = (await scriptDuration(page)) - plainScripting;
  const longestTaskMs = Math.max(0, ...probeNow.longTasks);
  const loading = attribute(probeNow.frames, probeNow.hintTimes);

  // Scroll through the whole page: hints follow, and nothing blocks the main thread for long.
  await scrollThrough(page);
  // Hints are not inserted while the page scrolls (scanner.ts): they come once it stops.
  await settle(page);
  const after = await readProbe(page);
  const hintsAfterScroll = await page.evaluate(() => document.querySelectorAll('chorus-hint').length);
  await page.close();
  return {
    annotateMs,
    annotateFromLoadMs,
    bareScanMs,
    renderingFloorMs,
    scriptingMs,
    longestTaskMs,
    longTasks: probeNow.longTasks.length,
    scrollLongestTaskMs: Math.max(0, ...after.longTasks.slice(probeNow.longTasks.length)),
    plainLongestTaskMs: Math.max(0, ...plainLoadTasks),
    plainScrollLongestTaskMs: Math.max(0, ...plainAll.slice(beforeScroll)),
    loading,
    scrolling: attribute(after.frames.slice(probeNow.frames.length), after.hintTimes.slice(probeNow.hintTimes.length)),
    visible: visibleKeys.length,
    hintsAfterScroll,
  };
}

/** Until the hints settle: none added for a second. */
async function settle(page: Page): Promise<void> {
  let count = -1;
  for (let stable = 0; stable < 4; ) {
    await page.waitForTimeout(250);
    const now = await page.evaluate(() => document.querySelectorAll('chorus-hint').length);
    stable = now > 0 && now === count ? stable + 1 : 0;
    count = now;
  }
}

async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight * 0.8) {
      scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 16)));
    }
  });
  await page.waitForTimeout(500);
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (n: number) => Math.round(n * 10) / 10;

async function main() {
  const scripts = join(extensionDir, 'content-scripts');
  if (!existsSync(join(scripts, 'reddit.js'))) throw new Error('Build the extension first: npm run build');
  // One script per site, each with only its own adapter: the page loads one of them.
  const sizes = Object.fromEntries(
    readdirSync(scripts)
      .filter((f) => f.endsWith('.js'))
      .map((f) => [f.replace(/\.js$/, ''), round(gzipSync(readFileSync(join(scripts, f))).length / 1024)]),
  );
  const contentScriptGzipKb = Math.max(...Object.values(sizes));

  const api = await startApi();
  const { context, extensionId } = await launchWithExtension();
  const plain = await chromium.launchPersistentContext('', { executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const team = await api.call('POST', '/v1/teams', { body: { name: 'Bench', ownerName: 'Ana' } });
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.getByLabel('Server URL').fill(api.url);
    await options.getByLabel('Invite code').fill(team.invites.member);
    await options.getByLabel('Your name').fill('Bench');
    await options.getByRole('button', { name: 'Connect', exact: true }).click();
    await options.getByText(/Connected to/).waitFor();

    const html = grownPage();
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await oneRun(context, plain, html));
    // Traced apart (tracing slows the page a little, so the timings above are taken without it).
    const traced: { loading: TaskAttribution; scrolling: TaskAttribution }[] = [];
    for (let i = 0; i < TRACED_RUNS; i++) traced.push(await tracedRun(context, html));
    const worstTasks = (pick: (t: { loading: TaskAttribution; scrolling: TaskAttribution }) => TaskAttribution) => {
      const all = traced.map(pick);
      const top = all.reduce((a, b) => (b.longestTaskMs > a.longestTaskMs ? b : a));
      return {
        tasks: Math.max(...all.map((t) => t.tasks)),
        longestTaskMs: round(top.longestTaskMs),
        longestTaskCodeMs: round(top.longestTaskCodeMs),
        longestTaskRenderingMs: round(top.longestTaskRenderingMs),
        longestCodeMs: round(Math.max(...all.map((t) => t.longestCodeMs))),
        codeMs: round(median(all.map((t) => t.codeMs))),
        longestOtherTaskMs: round(Math.max(...all.map((t) => t.longestOtherTaskMs))),
      };
    };

    const med = (pick: (r: Run) => number) => round(median(runs.map(pick)));
    const max = (pick: (r: Run) => number) => round(Math.max(...runs.map(pick)));
    const worst = (pick: (r: Run) => Attribution): Attribution => ({
      longestFrameWithExtensionMs: max((r) => pick(r).longestFrameWithExtensionMs),
      longestExtensionScriptMs: max((r) => pick(r).longestExtensionScriptMs),
      longestStyleLayoutAfterHintsMs: max((r) => pick(r).longestStyleLayoutAfterHintsMs),
      framesWithHints: max((r) => pick(r).framesWithHints),
      frames: max((r) => pick(r).frames),
    });
    const result = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGb: round(totalmem() / 2 ** 30), chromium: context.browser()?.version() ?? 'persistent context', loadAverage1m: round(loadavg()[0]!) },
      page: { comments: COMMENTS, runs: RUNS, visibleItems: runs[0]!.visible },
      annotateVisibleMs: med((r) => r.annotateMs),
      annotateVisibleFromLoadMs: med((r) => r.annotateFromLoadMs),
      bareScanMs: med((r) => r.bareScanMs),
      ratio: round(median(runs.map((r) => r.annotateMs)) / median(runs.map((r) => r.bareScanMs))),
      renderingFloorMs: med((r) => r.renderingFloorMs),
      renderingFloorRatio: round(median(runs.map((r) => r.renderingFloorMs)) / median(runs.map((r) => r.bareScanMs))),
      scriptingMs: med((r) => r.scriptingMs),
      longestTaskMs: max((r) => r.longestTaskMs),
      longTasksWhileLoading: runs.map((r) => r.longTasks),
      longestTaskWhileScrollingMs: max((r) => r.scrollLongestTaskMs),
      withoutExtension: {
        longestTaskLoadingMs: max((r) => r.plainLongestTaskMs),
        longestTaskScrollingMs: max((r) => r.plainScrollLongestTaskMs),
      },
      longAnimationFrames: { loading: worst((r) => r.loading), scrolling: worst((r) => r.scrolling) },
      extensionTasks: { runs: TRACED_RUNS, loading: worstTasks((t) => t.loading), scrolling: worstTasks((t) => t.scrolling) },
      hintsAfterScrolling: median(runs.map((r) => r.hintsAfterScroll)),
      contentScriptGzipKb,
      contentScriptGzipKbBySite: sizes,
      targets: TARGETS,
      definitions: {
        annotateVisibleMs: 'from the content script\'s start (its chorus:start mark) until every item whose box is in the first viewport has its hint on screen (the end of the first rendering update after its insertion); median of the runs',
        annotateVisibleFromLoadMs: 'the same, from the load event',
        bareScanMs: 'the same page without the extension, in the same run: querySelectorAll of every item and the textContent of each body, no UI; median',
        renderingFloorMs: 'the same page without the extension, in the same run: six short spans put into the comments in view from one animation frame, until that frame\'s style, layout and paint are done (the least the page itself takes to show anything new in view); median',
        longestTaskMs: 'the longest task (Long Tasks API, ≥ 50 ms only; 0 = none) while loading and annotating, worst of the runs; withoutExtension: the same page loaded without the extension',
        extensionTasks: 'from a Chromium trace (separate runs): the tasks on the page\'s main thread in which the extension\'s code ran (its script, or any callback of it); the longest such task whole, with its extension code and the page\'s style, layout and paint in it; the most extension code in one task; the extension\'s code in all (median); the longest task with no extension code (the page\'s own); worst of the runs',
        longAnimationFrames: 'Long Animation Frames (≥ 50 ms) with a script from the extension, its longest callback, and the longest style-and-layout phase of a frame where hints were inserted; worst of the runs',
      },
    };
    console.table({
      'annotate visible, from script start (ms)': result.annotateVisibleMs,
      'annotate visible, from load (ms)': result.annotateVisibleFromLoadMs,
      'bare scan, all items (ms)': result.bareScanMs,
      'ratio (target ≤ 2)': result.ratio,
      'page alone: rendering six spans in view (ms) / × bare scan': `${result.renderingFloorMs} / ${result.renderingFloorRatio}`,
      'extension scripting (ms)': result.scriptingMs,
      'longest task loading (ms, target ≤ 50)': result.longestTaskMs,
      'longest task scrolling (ms)': result.longestTaskWhileScrollingMs,
      'same page without extension: longest task loading / scrolling (ms)': `${result.withoutExtension.longestTaskLoadingMs} / ${result.withoutExtension.longestTaskScrollingMs}`,
      'LoAF loading: frame with ext / ext script / style+layout after hints (ms)': `${result.longAnimationFrames.loading.longestFrameWithExtensionMs} / ${result.longAnimationFrames.loading.longestExtensionScriptMs} / ${result.longAnimationFrames.loading.longestStyleLayoutAfterHintsMs}`,
      'LoAF scrolling: frame with ext / ext script / style+layout after hints (ms)': `${result.longAnimationFrames.scrolling.longestFrameWithExtensionMs} / ${result.longAnimationFrames.scrolling.longestExtensionScriptMs} / ${result.longAnimationFrames.scrolling.longestStyleLayoutAfterHintsMs}`,
      'extension tasks loading: longest (its code / rendering) · most code in one task (ms)': `${result.extensionTasks.loading.longestTaskMs} (${result.extensionTasks.loading.longestTaskCodeMs} / ${result.extensionTasks.loading.longestTaskRenderingMs}) · ${result.extensionTasks.loading.longestCodeMs}`,
      'extension tasks scrolling: longest (its code / rendering) · most code in one task (ms)': `${result.extensionTasks.scrolling.longestTaskMs} (${result.extensionTasks.scrolling.longestTaskCodeMs} / ${result.extensionTasks.scrolling.longestTaskRenderingMs}) · ${result.extensionTasks.scrolling.longestCodeMs}`,
      'hints after scrolling': result.hintsAfterScrolling,
      'largest content script gzip (KB, target ≤ 60)': result.contentScriptGzipKb,
    });
    if (process.env.CHORUS_BENCH_DUMP) writeFileSync(process.env.CHORUS_BENCH_DUMP, JSON.stringify(runs, null, 1));
    const all = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : {};
    writeFileSync(resultsPath, `${JSON.stringify({ ...all, content: result }, null, 2)}\n`);
  } finally {
    await plain.close();
    await context.close();
    await api.stop();
  }
}

await main();
