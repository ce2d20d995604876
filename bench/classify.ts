// Classifier benchmark: `npm run bench:classify`.
//
// Runs shared/classify.ts over every held-out bench/classify/data/<lang>.test.jsonl:
// once without opts.lang (language detection is part of what is measured) and once with
// the file's language given, as the page's `lang` attribute would. Prints per language n,
// category accuracy, macro-F1 over the six categories and language-detection accuracy;
// the overall macro-F1 and confusion matrix; the gzip size of the classifier as the
// content script bundles it. Writes bench/classify-results.json.
// `npm run bench:classify -- dev` scores the tuning split instead (results not written).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { classify } from '../shared/classify.ts';
import { CATEGORIES } from '../shared/schemas.ts';
import { accuracy, emptyConfusion, loadSplit, macroF1, type Confusion } from './lib/classify-eval.ts';
import { round, table } from './lib/stats.ts';

const split = process.argv[2] ?? 'test';
const root = join(import.meta.dirname, '..');
const data = loadSplit(split);
if (data.size === 0) {
  console.error(`No bench/classify/data/*.${split}.jsonl files.`);
  process.exit(1);
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
console.log(`\nconfusion (no lang given):\n${confusionTable(overall)}`);

const worst = Math.min(...Object.values(perLang).map((r) => r.macroF1));
const gzipBytes = bundleGzipBytes();
console.log(`\nbundle: ${gzipBytes} bytes gzip (target ≤ 25600); ${msPerItem.toFixed(3)} ms per item`);
console.log(`targets: overall macro-F1 ≥ 0.85: ${summary.macroF1 >= 0.85 ? 'met' : 'NOT met'}; every language ≥ 0.75: ${worst >= 0.75 ? 'met' : 'NOT met'} (lowest ${worst.toFixed(3)})`);

if (split === 'test') {
  const results = {
    date: new Date().toISOString(),
    split,
    items: total,
    bundleGzipBytes: gzipBytes,
    msPerItem: round(msPerItem, 4),
    overall: summary,
    perLang,
    confusion: overall,
  };
  writeFileSync(join(import.meta.dirname, 'classify-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nwrote bench/classify-results.json');
}
