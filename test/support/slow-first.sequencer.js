// Jest hands the next test file to whichever worker is free, so the run ends when the worker that
// drew the last long file finishes it: long files must start first. Jest orders by the durations it
// cached from the last run, but CI runs a clean checkout, with no cache, and then jest orders by file
// size, which put these files (small, but each spawning PostgreSQL, the service or the CLI) last,
// leaving one worker idle for a minute or more while the other finished them.
const { relative } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

/**
 * Seconds each file took in CI (2 cores, two workers; clean-clone run of 2026-12-07), roughly: only
 * their order matters. A file not
 * listed keeps jest's own order after these. Add a file here when it takes more than ~20 s.
 */
const SLOW_FILES = {
  'test/console.e2e-spec.ts': 69,
  'test/statement-cli.e2e-spec.ts': 57,
  'test/faults.e2e-spec.ts': 46,
  'test/import-crash.e2e-spec.ts': 46,
  'test/backup-restore.e2e-spec.ts': 35,
  'test/transfer-console.e2e-spec.ts': 27,
  'test/notices-console.e2e-spec.ts': 26,
  'test/projector-crash.e2e-spec.ts': 26,
  'test/reconciliation-console.e2e-spec.ts': 25,
  'test/fuzz.e2e-spec.ts': 23,
  'test/erasure-console.e2e-spec.ts': 22,
  'test/authorization.e2e-spec.ts': 20,
  'test/service.e2e-spec.ts': 20,
  'test/private-directory.e2e-spec.ts': 18,
  'test/import-commit.e2e-spec.ts': 18,
};

class SlowFirstSequencer extends Sequencer {
  sort(tests) {
    const seconds = (test) => SLOW_FILES[relative(test.context.config.rootDir, test.path)] ?? 0;
    // Array.prototype.sort is stable: the files not listed keep jest's order (cached durations or size).
    return [...super.sort(tests)].sort((a, b) => seconds(b) - seconds(a));
  }
}

module.exports = SlowFirstSequencer;
