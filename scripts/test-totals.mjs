// Sums the JSON reports of vitest and Playwright in a folder into "N passed, N failed".
// Exits 1 when a test failed or when nothing was tested at all.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'test-results';
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : []) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  let counts;
  if (typeof report.numPassedTests === 'number') {
    // vitest (jest-compatible JSON): test:unit writes vitest.json, test:faults faults.json
    counts = [report.numPassedTests, report.numFailedTests, (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)];
  } else if (report.stats) {
    // Playwright JSON reporter
    counts = [(report.stats.expected ?? 0) + (report.stats.flaky ?? 0), report.stats.unexpected ?? 0, report.stats.skipped ?? 0];
  } else {
    continue;
  }
  passed += counts[0];
  failed += counts[1];
  skipped += counts[2];
  console.log(`  ${file}: ${counts[0]} passed, ${counts[1]} failed${counts[2] ? `, ${counts[2]} skipped` : ''}`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
