// Reads the unit, e2e, real-Keycloak and nginx JSON reports and prints one line: "tests: N passed, M failed".
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 1);
let passed = 0;
let failed = 0;

const unitPath = process.env.UNIT_JSON_REPORT;
if (unitPath && existsSync(unitPath)) {
  const unit = JSON.parse(readFileSync(unitPath, 'utf8'));
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
}

const e2ePath = process.env.E2E_JSON_REPORT;
if (e2ePath && existsSync(e2ePath)) {
  const e2e = JSON.parse(readFileSync(e2ePath, 'utf8'));
  passed += (e2e.stats?.expected ?? 0) + (e2e.stats?.flaky ?? 0);
  failed += e2e.stats?.unexpected ?? 0;
}

// `npm run test:keycloak`'s and `npm run test:nginx`'s reports (vitest and Playwright JSON),
// counted with the rest.
const reportDir = 'test-results';
if (existsSync(reportDir)) {
  for (const name of readdirSync(reportDir).filter((file) => /^(keycloak|nginx)-.*\.json$/.test(file))) {
    const report = JSON.parse(readFileSync(`${reportDir}/${name}`, 'utf8'));
    if (report.stats) {
      passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
      failed += report.stats.unexpected ?? 0;
    } else {
      passed += report.numPassedTests ?? 0;
      failed += report.numFailedTests ?? 0;
    }
  }
}

// A step that failed before any test ran (typecheck, lint, build) still counts as a failure.
if (status !== 0 && failed === 0) failed = 1;
console.log(`tests: ${passed} passed, ${failed} failed`);
