// Attribution of main-thread tasks to the extension's code, from a Chromium trace
// (bench/content.ts records it with the DevTools protocol's Tracing domain).

/** The content scripts' code (not the extension's service worker, which has a thread of its own). */
export const CONTENT_SCRIPT_URL = /^chrome-extension:\/\/[^/]+\/content-scripts\//;

/** A Chromium trace event (the fields read here). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; message?: string } };
}

/** What the content script's own code costs the page's main thread, from a Chromium trace:
 * every task in which the extension's code ran (its script evaluated, or a callback of it:
 * animation frames, timers, observers, messages), how long that task took in all, how much of
 * it was the extension's code and how much the page's style, layout and paint in the same
 * task. Rendering that falls in a later frame's task (after a hint updated from a timer or a
 * message) counts as the page's: on that side the figure can flatter the extension. */
export interface TaskAttribution {
  /** Tasks in which extension code ran. */
  tasks: number;
  /** The longest of them, whole (its code, and the page's rendering update in the same task). */
  longestTaskMs: number;
  longestTaskCodeMs: number;
  longestTaskRenderingMs: number;
  /** The most extension code in one task. */
  longestCodeMs: number;
  /** The extension's code in all. */
  codeMs: number;
  /** The longest task on the page's main thread with no extension code in it (the page's own). */
  longestOtherTaskMs: number;
}

const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer', 'CompositeLayers', 'PaintImage', 'RasterTask', 'IntersectionObserverController::computeIntersections', 'HitTest']);
const CODE = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.evaluateModule']);

export function attributeTasks(events: TraceEvent[], from: number, to: number): TaskAttribution {
  const isOurs = (e: TraceEvent) => CODE.has(e.name) && CONTENT_SCRIPT_URL.test(e.args?.data?.url ?? '');
  // The page's renderer main thread: the one where the content script runs.
  const ours = events.find(isOurs);
  const none = { tasks: 0, longestTaskMs: 0, longestTaskCodeMs: 0, longestTaskRenderingMs: 0, longestCodeMs: 0, codeMs: 0, longestOtherTaskMs: 0 };
  if (!ours) return none;
  const thread = events.filter((e) => e.pid === ours.pid && e.tid === ours.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Top-level tasks: toplevel events not inside another.
  const tasks: TraceEvent[] = [];
  for (const e of thread) {
    if (!e.cat.includes('toplevel')) continue;
    const last = tasks[tasks.length - 1];
    if (last && e.ts < last.ts + last.dur!) continue;
    if (e.ts >= from && e.ts <= to) tasks.push(e);
  }
  const result = { ...none };
  let i = 0;
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    while (i < thread.length && thread[i]!.ts < task.ts) i++;
    let code = 0;
    let rendering = 0;
    let codeEnd = -1;
    let renderEnd = -1;
    for (let j = i; j < thread.length && thread[j]!.ts < end; j++) {
      const e = thread[j]!;
      // Outermost spans only, so nested calls are not counted twice.
      if (isOurs(e) && e.ts >= codeEnd) {
        code += e.dur!;
        codeEnd = e.ts + e.dur!;
      } else if (RENDERING.has(e.name) && e.ts >= renderEnd && e.ts >= codeEnd) {
        rendering += e.dur!;
        renderEnd = e.ts + e.dur!;
      }
    }
    const ms = task.dur! / 1000;
    if (code === 0) {
      result.longestOtherTaskMs = Math.max(result.longestOtherTaskMs, ms);
      continue;
    }
    result.tasks++;
    result.codeMs += code / 1000;
    result.longestCodeMs = Math.max(result.longestCodeMs, code / 1000);
    if (ms > result.longestTaskMs) {
      result.longestTaskMs = ms;
      result.longestTaskCodeMs = code / 1000;
      result.longestTaskRenderingMs = rendering / 1000;
    }
  }
  return result;
}

