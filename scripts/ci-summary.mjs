// Prints the closing line CI reads, "N passed, N failed", from vitest's JSON report. A run that
// failed before vitest reported (a type or lint error in `npm run check`) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const [reportPath = 'out/test-results.json', exitCode = '0'] = process.argv.slice(2);
const failedRun = Number(exitCode) !== 0;

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  passed = report.numPassedTests ?? 0;
  failed = report.numFailedTests ?? 0;
  skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A test file that failed to load has no failed tests of its own.
  failed +=
    report.testResults?.filter((file) => file.status === 'failed' && file.assertionResults?.length === 0)
      .length ?? 0;
}
if (failedRun && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
