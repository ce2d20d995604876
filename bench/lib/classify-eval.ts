// Labeled examples for the classifier and the scores the benchmark and the unit test report.
// Files: bench/classify/data/<lang>.<split>.jsonl, one {"text","category","sentiment","lang"}
// per line; split "dev" tunes, "test" is held out (read only by `npm run bench:classify`).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, type Category } from '../../shared/schemas.ts';

export interface Example {
  text: string;
  category: Category;
  sentiment?: string;
  lang: string;
  note?: string;
}

export const DATA_DIR = join(import.meta.dirname, '..', 'classify', 'data');

/** Examples of one split ("dev", "test", "extra"), by file language, in file order. */
export function loadSplit(split: string, dir = DATA_DIR): Map<string, Example[]> {
  const out = new Map<string, Example[]>();
  if (!existsSync(dir)) return out;
  for (const file of readdirSync(dir).sort()) {
    const m = /^([a-z]{2,3})\.([a-z0-9]+)\.jsonl$/u.exec(file);
    if (!m || m[2] !== split) continue;
    const rows: Example[] = [];
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const row = JSON.parse(line) as Example;
        if (typeof row.text === 'string' && (CATEGORIES as readonly string[]).includes(row.category)) rows.push({ ...row, lang: row.lang || m[1]! });
      } catch {
        // A line being written by another process right now: skipped.
      }
    }
    out.set(m[1]!, rows);
  }
  return out;
}

/** confusion[gold][predicted] counts. */
export type Confusion = Record<Category, Record<Category, number>>;

export function emptyConfusion(): Confusion {
  return Object.fromEntries(CATEGORIES.map((g) => [g, Object.fromEntries(CATEGORIES.map((p) => [p, 0]))])) as Confusion;
}

export function accuracy(c: Confusion): number {
  let right = 0;
  let all = 0;
  for (const g of CATEGORIES) for (const p of CATEGORIES) {
    all += c[g][p];
    if (g === p) right += c[g][p];
  }
  return all ? right / all : 0;
}

/** Macro-F1 over the six categories; a category absent from both gold and predictions is left out. */
export function macroF1(c: Confusion): number {
  const f1s: number[] = [];
  for (const k of CATEGORIES) {
    const tp = c[k][k];
    const gold = CATEGORIES.reduce((s, p) => s + c[k][p], 0);
    const predicted = CATEGORIES.reduce((s, g) => s + c[g][k], 0);
    if (gold === 0 && predicted === 0) continue;
    f1s.push(gold + predicted === 0 ? 0 : (2 * tp) / (gold + predicted));
  }
  return f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : 0;
}
