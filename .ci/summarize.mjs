// Sums the vitest, Playwright and soak JSON reports into one line: "N passed, N failed".
// A step that failed before writing its report (type-check, lint, build) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? '1');
let passed = 0;
let failed = 0;

function read(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

const vitest = read('reports/vitest.json');
if (vitest !== undefined) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
}

const playwright = read('reports/playwright.json');
if (playwright !== undefined) {
  passed += playwright.stats?.expected ?? 0;
  failed += (playwright.stats?.unexpected ?? 0) + (playwright.stats?.flaky ?? 0);
}

// The soak's invariants (npm run soak writes reports/soak.json).
const soak = read('reports/soak.json');
if (soak !== undefined) {
  passed += soak.passed ?? 0;
  failed += soak.failed ?? 0;
}

if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
