#!/usr/bin/env node
// The closing lines of .ci/run, from the JSON report vitest wrote (see the test script). The last
// line is the plain "N passed, N failed" of vitest's own counts. Above it, only when there is
// any, what vitest's summary also shows: skipped tests, and test files that failed outside a
// test (in a hook), whose tests vitest counts as skipped rather than failed.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2] ?? '.reports/vitest.json', 'utf8'));
const skipped = report.numPendingTests + report.numTodoTests;
const failedOutsideTests = report.testResults.filter(
  (file) => file.status === 'failed' && file.assertionResults.every((test) => test.status !== 'failed'),
);
if (skipped > 0) console.log(`${skipped} skipped`);
if (failedOutsideTests.length > 0) {
  const names = failedOutsideTests.map((file) => file.name.split('/test/').pop()).join(', ');
  console.log(`${failedOutsideTests.length} test file(s) failed outside a test: ${names}`);
}
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed`);
