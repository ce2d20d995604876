// Every benchmark, then one report: `npm run bench`.
//
// Runs, each as its own npm script and as it is: bench:api, bench:classify, a Chrome build
// (into CHORUS_OUT_DIR when set, as the e2e tests do) and bench:content, and bench:load. Then
// reads what they wrote (bench/results.json keys "api", "content", "load";
// bench/classify-results.json) and writes:
//  - bench/results.json key "report" (other keys kept): the machine, each run's outcome, and
//    every figure with its same-run baseline, the ratio, its target and met/missed;
//  - docs/PERFORMANCE.md: the same as tables.
// A benchmark that fails or is skipped (BENCH_SKIP=api,content,...) keeps its earlier
// figures, marked with their date. BENCH_REPORT_ONLY=1 only rewrites the report.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresBinDir } from '../api/test/postgres.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsPath = join(root, 'bench', 'results.json');
const classifyPath = join(root, 'bench', 'classify-results.json');
const reportPath = join(root, 'docs', 'PERFORMANCE.md');

type Step = { name: string; cmd: string; args: string[] };
const STEPS: Step[] = [
  { name: 'api', cmd: 'npm', args: ['run', 'bench:api'] },
  { name: 'classify', cmd: 'npm', args: ['run', 'bench:classify'] },
  { name: 'build', cmd: 'npx', args: ['wxt', 'build', '-b', 'chrome'] },
  { name: 'content', cmd: 'npm', args: ['run', 'bench:content'] },
  { name: 'load', cmd: 'npm', args: ['run', 'bench:load'] },
];

interface RunOutcome {
  name: string;
  status: 'ok' | 'failed' | 'skipped';
  seconds: number;
}

function runSteps(): RunOutcome[] {
  const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  if (skip.has('content')) skip.add('build');
  const out: RunOutcome[] = [];
  let built = true;
  for (const step of STEPS) {
    if (skip.has(step.name) || (step.name === 'content' && !built)) {
      out.push({ name: step.name, status: 'skipped', seconds: 0 });
      continue;
    }
    console.log(`\n=== ${step.cmd} ${step.args.join(' ')} ===`);
    const t0 = performance.now();
    const r = spawnSync(step.cmd, step.args, { cwd: root, stdio: 'inherit', env: process.env });
    const ok = r.status === 0;
    if (step.name === 'build') built = ok;
    // bench:load exits 1 when a target is missed, with its figures written: that is a result, not a failure.
    const wrote = step.name === 'load' && r.status === 1;
    out.push({ name: step.name, status: ok || wrote ? 'ok' : 'failed', seconds: Math.round((performance.now() - t0) / 1000) });
  }
  return out;
}

// ---------- machine ----------

const quiet = (cmd: string, args: string[]) => {
  try {
    return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return null;
  }
};

function machine(loadAtStart: number) {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const bin = postgresBinDir();
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const pglitePkg = join(root, 'node_modules', '@electric-sql', 'pglite', 'package.json');
  return {
    cpu: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${/PRETTY_NAME="([^"]+)"/.exec(osRelease)?.[1] ?? process.platform}, Linux ${release()}`,
    node: process.version,
    chromium: existsSync(chromium) ? quiet(chromium, ['--version']) : null,
    postgres: bin ? quiet(join(bin, 'postgres'), ['--version']) : null,
    pglite: existsSync(pglitePkg) ? (JSON.parse(readFileSync(pglitePkg, 'utf8')) as { version: string }).version : null,
    loadAverage1m: { atStart: loadAtStart, atEnd: Math.round(loadavg()[0]! * 100) / 100 },
  };
}

// ---------- figures ----------

interface Figure {
  area: string;
  figure: string;
  measured: string;
  baseline: string;
  ratio: string;
  target: string;
  met: boolean | null;
  /** When the benchmark that measured it ran. */
  date: string | null;
}

/** A number for the tables; '—' when the benchmark did not measure it. */
const n = (v: number | null | undefined, digits = 0) =>
  typeof v === 'number' && Number.isFinite(v) ? v.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '—';
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  typeof a === 'number' && typeof b === 'number' && b > 0 ? `${(a / b).toFixed(2)}×` : '—';
/** A number with its unit, or '—' alone. */
const u = (v: number | null | undefined, unit: string, digits = 0) => (n(v, digits) === '—' ? '—' : `${n(v, digits)} ${unit}`);
/** Met when measured and within the limit; null (no verdict) when not measured. */
const within = (v: number | null | undefined, limit: number) => (typeof v === 'number' ? v <= limit : null);

// The files are other benchmarks' JSON, read loosely: a missing field shows as '—'.
function figures(results: Record<string, any>, classify: any): Figure[] {
  const out: Figure[] = [];
  const api = results.api;
  if (api?.databases) {
    for (const d of Object.values<any>(api.databases)) {
      const engine = d.kind === 'postgres' ? 'Postgres' : 'PGlite';
      out.push({
        area: 'API',
        figure: `HTTP ingest, ${d.clients} clients × ${d.batchSize}-row batches (${engine})`,
        measured: `${n(d.httpRowsPerSec)} rows/s`,
        baseline: `raw multi-row insert: ${n(d.rawRowsPerSec)} rows/s`,
        ratio: `${d.ratio.toFixed(2)}×`,
        target: `≥ ${api.targets.ratio}× raw`,
        met: d.targets.ratio.met,
        date: api.date,
      });
      const b = d.summary.breakdown;
      const parts = b.authQueryMs + b.teamAndRosterMs + b.catchUpWarmMs + b.summarizeMs + b.stringifyMs;
      out.push({
        area: 'API',
        figure: `GET /v1/summary, 90 days, ${n(d.summary.rows)} interactions, warm median (${engine})`,
        measured: `${u(d.summary.medianMs, 'ms', 1)} (p90 ${n(d.summary.p90Ms, 1)})`,
        baseline: `its parts timed in-process: ${u(parts, 'ms', 1)}`,
        ratio: ratio(d.summary.medianMs, parts),
        target: d.targets.summaryMedianMs ? `≤ ${d.targets.summaryMedianMs.target} ms at 1M rows` : '—',
        met: d.targets.summaryMedianMs ? d.targets.summaryMedianMs.met : null,
        date: api.date,
      });
      out.push({
        area: 'API',
        figure: `GET /v1/summary, first call of a process (${engine})`,
        measured: `${u(d.summary.coldMs, 'ms')}`,
        baseline: `the same queries, rows dropped: ${u(b.fetchOnlyMs, 'ms')}`,
        ratio: ratio(d.summary.coldMs, b.fetchOnlyMs),
        target: '—',
        met: null,
        date: api.date,
      });
    }
  }
  if (classify?.overall) {
    const base = classify.rulesOnly;
    const perLang = Object.entries<any>(classify.perLang ?? {});
    const worst = perLang.reduce((w, [lang, r]) => (r.macroF1 < w[1] ? [lang, r.macroF1] : w), ['', 1] as [string, number]);
    out.push({
      area: 'Classifier',
      figure: `macro-F1, held-out test set (${classify.items} items, ${perLang.length} languages)`,
      measured: classify.overall.macroF1.toFixed(3),
      baseline: base ? `rules alone: ${base.macroF1.toFixed(3)}` : `most frequent category: ${majorityMacroF1(classify.confusion).toFixed(3)}`,
      ratio: ratio(classify.overall.macroF1, base ? base.macroF1 : majorityMacroF1(classify.confusion)),
      target: '≥ 0.85',
      met: classify.overall.macroF1 >= 0.85,
      date: classify.date,
    });
    out.push({
      area: 'Classifier',
      figure: 'macro-F1, weakest language',
      measured: `${worst[1].toFixed(3)} (${worst[0]})`,
      baseline: base?.perLang?.[worst[0]] !== undefined ? `rules alone: ${base.perLang[worst[0]].toFixed(3)}` : '—',
      ratio: base?.perLang?.[worst[0]] ? ratio(worst[1], base.perLang[worst[0]]) : '—',
      target: '≥ 0.75 in every language',
      met: worst[1] >= 0.75,
      date: classify.date,
    });
    out.push({
      area: 'Classifier',
      figure: 'time per call',
      measured: `median ${classify.perCall.medianUs} µs, p99 ${classify.perCall.p99Us} µs`,
      baseline: `first call ${classify.init.firstCallMs} ms`,
      ratio: '—',
      target: '—',
      met: null,
      date: classify.date,
    });
  }
  const c = results.content;
  if (c) {
    out.push({
      area: 'Content script',
      figure: `annotate the comments in view (${c.page?.visibleItems ?? '?'} of ${n(c.page?.comments ?? 0)}), from the content script's start to their hints painted`,
      measured: `${u(c.annotateVisibleMs, 'ms', 1)}`,
      baseline: `bare scan of every item: ${u(c.bareScanMs, 'ms', 1)}`,
      ratio: ratio(c.annotateVisibleMs, c.bareScanMs),
      target: `≤ ${c.targets.ratio}× the bare scan`,
      met: within(c.ratio ?? null, c.targets.ratio),
      date: c.date,
    });
    if (c.renderingFloorMs != null) {
      out.push({
        area: 'Content script',
        figure: 'the page alone (no extension): its rendering update after six short spans are put into the comments in view, the least it takes to show anything new there',
        measured: `${u(c.renderingFloorMs, 'ms', 1)}`,
        baseline: `bare scan of every item: ${u(c.bareScanMs, 'ms', 1)}`,
        ratio: ratio(c.renderingFloorMs, c.bareScanMs),
        target: '—',
        met: null,
        date: c.date,
      });
    }
    out.push({
      area: 'Content script',
      figure: 'longest task while loading',
      measured: `${u(c.longestTaskMs, 'ms')}`,
      baseline: `the page alone: ${u(c.withoutExtension?.longestTaskLoadingMs ?? 0, 'ms')}`,
      ratio: c.withoutExtension?.longestTaskLoadingMs ? ratio(c.longestTaskMs, c.withoutExtension.longestTaskLoadingMs) : '—',
      target: `≤ ${c.targets.longestTaskMs} ms`,
      met: within(c.longestTaskMs, c.targets.longestTaskMs),
      date: c.date,
    });
    if (c.longestTaskWhileScrollingMs !== undefined) {
      out.push({
        area: 'Content script',
        figure: 'longest task while scrolling the whole page',
        measured: c.longestTaskWhileScrollingMs ? `${u(c.longestTaskWhileScrollingMs, 'ms')}` : 'none ≥ 50 ms',
        baseline: `the page alone: ${c.withoutExtension?.longestTaskScrollingMs ? `${u(c.withoutExtension.longestTaskScrollingMs, 'ms')}` : 'none ≥ 50 ms'}`,
        ratio: '—',
        target: `≤ ${c.targets.longestTaskMs} ms`,
        met: within(c.longestTaskWhileScrollingMs, c.targets.longestTaskMs),
        date: c.date,
      });
    }
    for (const phase of ['loading', 'scrolling'] as const) {
      const t = c.extensionTasks?.[phase];
      if (!t) continue;
      out.push({
        area: 'Content script',
        figure: `longest task in which the extension's code ran, ${phase === 'loading' ? 'while loading' : 'while scrolling the whole page'} (traced): its code / the page's style, layout and paint in that task; most extension code in one task`,
        measured: `${u(t.longestTaskMs, 'ms', 1)} (${u(t.longestTaskCodeMs, 'ms', 1)} / ${u(t.longestTaskRenderingMs, 'ms', 1)}); ${u(t.longestCodeMs, 'ms', 1)}`,
        baseline: `the page's own longest task in the same trace: ${u(t.longestOtherTaskMs, 'ms', 1)}`,
        ratio: '—',
        target: `≤ ${c.targets.longestTaskMs} ms`,
        met: within(t.longestTaskMs, c.targets.longestTaskMs),
        date: c.date,
      });
    }
    const bySite = Object.entries<number>(c.contentScriptGzipKbBySite ?? {});
    const smallest = bySite.length ? Math.min(...bySite.map(([, kb]) => kb)) : null;
    out.push({
      area: 'Content script',
      figure: 'largest content script (gzip)',
      measured: `${u(c.contentScriptGzipKb, 'KB', 1)}`,
      baseline: smallest !== null ? `smallest site's: ${u(smallest, 'KB', 1)}` : '—',
      ratio: smallest ? ratio(c.contentScriptGzipKb, smallest) : '—',
      target: `≤ ${c.targets.contentScriptGzipKb} KB`,
      met: within(c.contentScriptGzipKb, c.targets.contentScriptGzipKb),
      date: c.date,
    });
  }
  const l = results.load;
  if (l?.setups) {
    for (const s of l.setups) {
      out.push({
        area: 'Load',
        figure: `${l.setup.members} members × ${l.setup.seconds} s, ${s.name}: push latency`,
        measured: `p50 ${u(s.load.pushMs.p50, 'ms', 1)}, p99 ${u(s.load.pushMs.p99, 'ms', 1)}`,
        baseline: `1 member: p50 ${u(s.baseline.pushMs.p50, 'ms', 1)}`,
        ratio: `${s.ratio.pushP50}×`,
        target: '—',
        met: null,
        date: l.date,
      });
      out.push({
        area: 'Load',
        figure: `${l.setup.members} members × ${l.setup.seconds} s, ${s.name}: pull latency`,
        measured: `p50 ${u(s.load.pullMs.p50, 'ms', 1)}, p99 ${u(s.load.pullMs.p99, 'ms', 1)}`,
        baseline: `1 member: p50 ${u(s.baseline.pullMs.p50, 'ms', 1)}`,
        ratio: `${s.ratio.pullP50}×`,
        target: '—',
        met: null,
        date: l.date,
      });
      out.push({
        area: 'Load',
        figure: `${l.setup.members} members × ${l.setup.seconds} s, ${s.name}: failed requests`,
        measured: `${s.load.errors} of ${n(s.load.pushes + s.load.pulls)} (${n(s.load.requestsPerSec, 1)} requests/s); acknowledged stored once: ${s.load.storedOnce ? 'yes' : 'NO'}`,
        baseline: `1 member: ${s.baseline.errors}`,
        ratio: '—',
        target: '0 errors',
        met: s.targets.errors.met,
        date: l.date,
      });
    }
  }
  return out;
}

/** Macro-F1 of always answering the most frequent category, from a confusion matrix (truth → predicted → count). */
function majorityMacroF1(confusion: Record<string, Record<string, number>> | undefined): number {
  if (!confusion) return 0;
  const rows = Object.entries(confusion).map(([k, row]) => [k, Object.values(row).reduce((a, b) => a + b, 0)] as const);
  const total = rows.reduce((a, [, v]) => a + v, 0);
  const top = Math.max(...rows.map(([, v]) => v));
  const p = top / total;
  return (2 * p) / (1 + p) / rows.length;
}

// ---------- report ----------

const mark = (met: boolean | null) => (met === null ? '' : met ? 'met' : '**missed**');

function markdown(report: { date: string; machine: ReturnType<typeof machine>; runs: RunOutcome[]; figures: Figure[] }, started: string): string {
  const m = report.machine;
  const lines: string[] = [];
  lines.push('# Performance', '');
  lines.push(
    `Written by \`npm run bench\` (bench/run-all.ts) on ${report.date.slice(0, 10)}; the figures are also in \`bench/results.json\` (key \`report\`).`,
    'Each figure comes with a baseline measured in the same run on the same machine, and the ratio between them.',
    '',
  );
  lines.push('## Machine', '');
  lines.push('| | |', '|---|---|');
  lines.push(`| CPU | ${m.cpu}, ${m.cores} cores |`);
  lines.push(`| RAM | ${m.memoryGiB} GiB |`);
  lines.push(`| OS | ${m.os} |`);
  lines.push(`| Node | ${m.node} |`);
  lines.push(`| Chromium | ${m.chromium ?? 'not found'} |`);
  lines.push(`| Postgres | ${m.postgres ?? 'not found'} (a throwaway local server, \`fsync=off\`, unless DATABASE_URL is set) |`);
  lines.push(`| PGlite | ${m.pglite ?? 'not found'} (a data folder on disk) |`);
  lines.push(`| load average (1 min), start → end | ${m.loadAverage1m.atStart} → ${m.loadAverage1m.atEnd} on ${m.cores} cores: other work on the machine slows every figure |`);
  lines.push('');
  lines.push('## Runs', '');
  lines.push('| benchmark | outcome | seconds |', '|---|---|---|');
  for (const r of report.runs) lines.push(`| ${r.name} | ${r.status} | ${r.status === 'skipped' ? '' : r.seconds} |`);
  lines.push('');
  const areas = [...new Set(report.figures.map((f) => f.area))];
  for (const area of areas) {
    lines.push(`## ${area}`, '');
    lines.push('| figure | measured | same-run baseline | ratio | target | |', '|---|---|---|---|---|---|');
    // '—' measured: the benchmark wrote no value for it in this run.
    for (const f of report.figures.filter((x) => x.area === area)) {
      lines.push(`| ${f.figure} | ${f.measured} | ${f.baseline} | ${f.ratio} | ${f.target} | ${mark(f.met)} |`);
    }
    const dates = [...new Set(report.figures.filter((x) => x.area === area).map((x) => x.date))].filter(Boolean) as string[];
    const stale = dates.filter((d) => d < started);
    if (stale.length) lines.push('', `_From an earlier run (${stale.map((d) => d.slice(0, 16).replace('T', ' ')).join(', ')} UTC): this run did not refresh it._`);
    lines.push('');
  }
  const met = report.figures.filter((f) => f.met === true).length;
  const missed = report.figures.filter((f) => f.met === false);
  const unmeasured = report.figures.filter((f) => f.met === null && f.target !== '—');
  const name = (f: Figure) => `${f.area.toLowerCase()} — ${f.figure}`;
  lines.push('## Targets', '');
  lines.push(`${met} met, ${missed.length} missed${missed.length ? `: ${missed.map(name).join('; ')}` : ''}.`);
  if (unmeasured.length) lines.push(`Not measured in this run (the benchmark wrote no value): ${unmeasured.map(name).join('; ')}.`);
  lines.push('');
  lines.push(
    '## How each benchmark measures',
    '',
    '- **API** (`npm run bench:api`, bench/api.ts): the real app in its own process on PGlite and Postgres; 4 clients push',
    '  500-row batches over HTTP against direct inserts into the same database, alternated in slices; the summary on a team',
    '  seeded to 1M (Postgres) / 100k (PGlite) interactions over 90 days, 20 warm calls after the first.',
    '- **Classifier** (`npm run bench:classify`): the held-out labelled test split, in 12 languages.',
    '- **Content script** (`npm run bench:content`, after a build): a 2,000-comment Reddit page in headless Chromium with the',
    '  built extension, against the same page without it and a bare scan of its items; in separate runs under a Chromium',
    "  trace, every main-thread task in which the extension's code ran, split into its code and the page's style, layout and paint in the same task (a hint's rendering that falls in a later frame task counts as the page's).",
    '- **Load** (`npm run bench:load`, bench/load.ts): simulated members, each with an outbox of client-made UUIDv7 ids,',
    '  push 10 interactions, pull the team activity from their cursor, and think 0–200 ms, in a loop; two API processes',
    '  (api/server.ts) on one Postgres database, and one on PGlite. The baseline is one member alone on the same processes.',
    '  Every acknowledged id is then looked up in the database.',
    '',
    '## Faults (`npm run test:faults`, run by CI)',
    '',
    '- the API process killed with SIGKILL 20 times at random moments during pushes and restarted, on Postgres and on PGlite',
    '  with its data folder: every interaction stored exactly once (faults/kill.test.ts);',
    '- Postgres stopped (cleanly and by crash) under load: the same API process answers 5xx meanwhile, serves again by',
    '  itself, and loses nothing it acknowledged (faults/postgres-restart.test.ts);',
    '- 50 members for 10 s on two API processes sharing Postgres and on one on PGlite: no failed request (faults/load.test.ts);',
    '- a member clock an hour fast or slow (faults/clock.test.ts) and a full IndexedDB (faults/quota.test.ts);',
    '- in Chromium with the real extension: a browser closed with a pending outbox delivers it once when reopened, and a',
    '  full IndexedDB shows in the popup (e2e/faults.spec.ts).',
    '',
    '## Clocks',
    '',
    '| time | whose clock | used for |',
    '|---|---|---|',
    "| `actedAt` (an interaction) | the member's browser, corrected on arrival | the day and member a figure counts on; the end of a reply time |",
    "| `seenAt` (an item or interaction) | the member's browser, corrected on arrival | the start of a reply time when the site shows no post time; the response rate's day |",
    "| `itemPostedAt` | the site's (read from the page) | the start of a reply time |",
    "| `receivedAt`, \"now\" | the server's | what is due for the response rate; `generatedAt`; the one-day limit on future times |",
    '',
    "The extension sends its clock with every request (`X-Chorus-Sent-At`). When it differs from the server's by more than",
    "a minute, the server shifts `actedAt` and `seenAt` by the difference before storing them, so a clock an hour off",
    'neither dates a reply on the next day nor shifts its reply time. Without the header (an older client, a script), a time',
    'later than its arrival is stored as the arrival, and a reply stamped before the post it answers is left out of reply',
    'times rather than counted as negative.',
    '',
  );
  return lines.join('\n');
}

function main() {
  const reportOnly = Boolean(process.env.BENCH_REPORT_ONLY);
  const before = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as Record<string, any>) : {};
  // Report only: the runs, start and load of the last full run stand.
  const previous = reportOnly ? before.report : undefined;
  const started: string = previous?.started ?? new Date().toISOString();
  const loadAtStart: number = previous?.machine?.loadAverage1m?.atStart ?? Math.round(loadavg()[0]! * 100) / 100;
  const runs: RunOutcome[] = reportOnly ? (previous?.runs ?? []) : runSteps();
  const results = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as Record<string, unknown>) : {};
  const classify = existsSync(classifyPath) ? JSON.parse(readFileSync(classifyPath, 'utf8')) : undefined;
  const m = machine(loadAtStart);
  if (previous?.machine?.loadAverage1m?.atEnd !== undefined) m.loadAverage1m.atEnd = previous.machine.loadAverage1m.atEnd;
  const report = { started, date: previous?.date ?? new Date().toISOString(), machine: m, runs, figures: figures(results, classify) };
  // Read again right before writing: keep whatever the benchmarks wrote.
  const latest = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as Record<string, unknown>) : {};
  latest.report = report;
  writeFileSync(resultsPath, `${JSON.stringify(latest, null, 2)}\n`);
  writeFileSync(reportPath, markdown(report, started));
  const missed = report.figures.filter((f) => f.met === false).length;
  console.log(`\nWrote ${reportPath} and bench/results.json (key "report"): ${report.figures.filter((f) => f.met).length} targets met, ${missed} missed.`);
  if (runs.some((r) => r.status === 'failed')) process.exitCode = 1;
}

main();
