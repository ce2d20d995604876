// Classifier benchmark: `npm run bench:classify`.
//
// Runs shared/classify.ts over every held-out bench/classify/data/<lang>.test.jsonl:
// once without opts.lang (language detection is part of what is measured) and once with
// the file's language given, as the page's `lang` attribute would. Prints per language n,
// category accuracy, macro-F1 over the six categories and language-detection accuracy;
// the overall macro-F1 and confusion matrix, and the same with the rules alone (no trained
// model); the gzip size of the classifier as the content script bundles it (the rules), of its word lists and of the model
// file (shared/classify-model.json, which the background hands to the content script);
// speed: the first call in a fresh process (initialisation: module import, the model decoded,
// the lexicons loaded on first use), and the median and p99 time of a call over the split.
// Writes bench/classify-results.json.
// `npm run bench:classify -- dev` scores the tuning split instead (results not written).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { classify, setClassifierModel } from '../shared/classify-full.ts';
import { CLASSIFIER_LEXICON } from '../shared/classify-data.ts';
import { CATEGORIES } from '../shared/schemas.ts';
import { accuracy, emptyConfusion, loadSplit, macroF1, type Confusion } from './lib/classify-eval.ts';
import { round, table } from './lib/stats.ts';

const split = process.argv[2] ?? 'test';
const root = join(import.meta.dirname, '..');
const data = loadSplit(split);
const MODEL_FILE = join(root, 'shared', 'classify-model.json');
const modelText = readFileSync(MODEL_FILE, 'utf8');
setClassifierModel(JSON.parse(modelText));
if (data.size === 0) {
  console.error(`No bench/classify/data/*.${split}.jsonl files.`);
  process.exit(1);
}

/**
 * First calls in a fresh Node process, ms: module import, the model set (JSON parsed and its
 * weights decoded, as the content script does when the background hands it over), a
 * Latin-script comment (which loads every lexicon for language detection), then a Hebrew one.
 */
function initMs(): { importMs: number; modelMs: number; firstCallMs: number; secondLangMs: number } {
  const script = [
    `const text = (await import('node:fs')).readFileSync(${JSON.stringify(MODEL_FILE)}, 'utf8');`,
    'const t0 = performance.now();',
    `const { classify, setClassifierModel } = await import(${JSON.stringify(join(root, 'shared', 'classify-full.ts'))});`,
    'const t1 = performance.now();',
    'setClassifierModel(JSON.parse(text));',
    'const t2 = performance.now();',
    "classify('Great product! Does it work with the iPhone 12?');",
    'const t3 = performance.now();',
    "classify('מתי המשלוח מגיע? כבר שבועיים אני מחכה');",
    'const t4 = performance.now();',
    'console.log(JSON.stringify({ importMs: t1 - t0, modelMs: t2 - t1, firstCallMs: t3 - t2, secondLangMs: t4 - t3 }));',
  ].join('\n');
  const runs = Array.from({ length: 5 }, () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop()!) as { importMs: number; modelMs: number; firstCallMs: number; secondLangMs: number };
  });
  const med = (k: 'importMs' | 'modelMs' | 'firstCallMs' | 'secondLangMs') => round(quantile(runs.map((r) => r[k]), 0.5), 2);
  return { importMs: med('importMs'), modelMs: med('modelMs'), firstCallMs: med('firstCallMs'), secondLangMs: med('secondLangMs') };
}

function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Per-call µs over the split (after a warm-up pass), each text timed on its own, five passes. */
function perCallMicros(texts: string[]): { medianUs: number; p99Us: number } {
  for (const text of texts) classify(text);
  const times: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    for (const text of texts) {
      const t0 = performance.now();
      classify(text);
      times.push((performance.now() - t0) * 1000);
    }
  }
  return { medianUs: round(quantile(times, 0.5), 1), p99Us: round(quantile(times, 0.99), 1) };
}

function bundleGzipBytes(): number {
  const bundle = execFileSync('npx', ['esbuild', 'shared/classify.ts', '--bundle', '--minify', '--format=esm'], { cwd: root });
  return gzipSync(bundle, { level: 6 }).length;
}

interface LangResult {
  n: number;
  accuracy: number;
  macroF1: number;
  langDetection: number;
  accuracyWithLang: number;
  macroF1WithLang: number;
}

const overall = emptyConfusion();
const overallWithLang = emptyConfusion();
const perLang: Record<string, LangResult> = {};
let detected = 0;
let total = 0;
const started = performance.now();
for (const [lang, rows] of data) {
  const c = emptyConfusion();
  const cWithLang = emptyConfusion();
  let langRight = 0;
  for (const row of rows) {
    const out = classify(row.text);
    const outWithLang = classify(row.text, { lang: row.lang });
    c[row.category][out.category]++;
    overall[row.category][out.category]++;
    cWithLang[row.category][outWithLang.category]++;
    overallWithLang[row.category][outWithLang.category]++;
    if (out.lang === row.lang) langRight++;
  }
  detected += langRight;
  total += rows.length;
  perLang[lang] = {
    n: rows.length,
    accuracy: round(accuracy(c), 3),
    macroF1: round(macroF1(c), 3),
    langDetection: round(langRight / Math.max(rows.length, 1), 3),
    accuracyWithLang: round(accuracy(cWithLang), 3),
    macroF1WithLang: round(macroF1(cWithLang), 3),
  };
}
const msPerItem = (performance.now() - started) / Math.max(total * 2, 1);

// The rules alone (what classifies until the content script has the model).
setClassifierModel(null);
const rulesOnly = emptyConfusion();
const rulesPerLang: Record<string, number> = {};
for (const [lang, rows] of data) {
  const c = emptyConfusion();
  for (const row of rows) {
    const p = classify(row.text).category;
    c[row.category][p]++;
    rulesOnly[row.category][p]++;
  }
  rulesPerLang[lang] = round(macroF1(c), 3);
}
setClassifierModel(JSON.parse(modelText));

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(`Classifier on ${split} (${total} items, ${data.size} languages)\n`);
console.log(
  table(
    ['lang', 'n', 'accuracy', 'macro-F1', 'lang detect', 'acc (lang given)', 'F1 (lang given)'],
    Object.entries(perLang).map(([lang, r]) => [lang, String(r.n), pct(r.accuracy), r.macroF1.toFixed(3), pct(r.langDetection), pct(r.accuracyWithLang), r.macroF1WithLang.toFixed(3)]),
  ),
);
const summary = {
  accuracy: round(accuracy(overall), 3),
  macroF1: round(macroF1(overall), 3),
  langDetection: round(detected / Math.max(total, 1), 3),
  accuracyWithLang: round(accuracy(overallWithLang), 3),
  macroF1WithLang: round(macroF1(overallWithLang), 3),
};
console.log(
  `\noverall: accuracy ${pct(summary.accuracy)}, macro-F1 ${summary.macroF1.toFixed(3)}, language detection ${pct(summary.langDetection)}; ` +
    `with lang given: accuracy ${pct(summary.accuracyWithLang)}, macro-F1 ${summary.macroF1WithLang.toFixed(3)}`,
);

function confusionTable(c: Confusion): string {
  const short = (k: string) => (k === 'purchase_intent' ? 'purchase' : k);
  return table(['gold \\ predicted', ...CATEGORIES.map(short)], CATEGORIES.map((g) => [short(g), ...CATEGORIES.map((p) => String(c[g][p]))]));
}
console.log(`rules alone (no model): macro-F1 ${macroF1(rulesOnly).toFixed(3)} — ${Object.entries(rulesPerLang).map(([l, f]) => `${l} ${f.toFixed(3)}`).join(', ')}`);
console.log(`\nconfusion (no lang given):\n${confusionTable(overall)}`);

const speed = perCallMicros([...data.values()].flat().map((row) => row.text));
const init = initMs();
console.log(
  `\nspeed: first call ${init.firstCallMs.toFixed(1)} ms in a fresh process (import ${init.importMs.toFixed(1)} ms, model set ${init.modelMs.toFixed(1)} ms, ` +
    `first call in a second language ${init.secondLangMs.toFixed(1)} ms); per call median ${speed.medianUs} µs, p99 ${speed.p99Us} µs`,
);

const worst = Math.min(...Object.values(perLang).map((r) => r.macroF1));
const gzipBytes = bundleGzipBytes();
const modelBytes = Buffer.byteLength(modelText);
const modelGzipBytes = gzipSync(modelText, { level: 6 }).length;
const lexiconText = JSON.stringify(CLASSIFIER_LEXICON);
const lexiconGzipBytes = gzipSync(lexiconText, { level: 6 }).length;
console.log(
  `\nbundle: ${gzipBytes} bytes gzip (the rules, in every content script); word lists ${Buffer.byteLength(lexiconText)} bytes, ${lexiconGzipBytes} gzip, and model file ${modelBytes} bytes, ${modelGzipBytes} gzip (in the background, handed to each content script); ${msPerItem.toFixed(3)} ms per item`,
);
console.log(`targets: overall macro-F1 ≥ 0.85: ${summary.macroF1 >= 0.85 ? 'met' : 'NOT met'}; every language ≥ 0.75: ${worst >= 0.75 ? 'met' : 'NOT met'} (lowest ${worst.toFixed(3)})`);

if (split === 'test') {
  const results = {
    date: new Date().toISOString(),
    split,
    items: total,
    bundleGzipBytes: gzipBytes,
    lexiconGzipBytes,
    modelBytes,
    modelGzipBytes,
    msPerItem: round(msPerItem, 4),
    init,
    perCall: speed,
    overall: summary,
    rulesOnly: { macroF1: round(macroF1(rulesOnly), 3), perLang: rulesPerLang },
    perLang,
    confusion: overall,
  };
  writeFileSync(join(import.meta.dirname, 'classify-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwrote bench/classify-results.json');
}
