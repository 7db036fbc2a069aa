// Three tiers, each selectable on its own: unit (pure, no I/O), int (real PostgreSQL), e2e (HTTP).
// One PostgreSQL server per run (started in globalSetup unless DATABASE_URL is set); every test
// file creates its own database on it.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const moduleNameMapper = {
  '^@ledger/(event-store|database|ledger|runtime)$': '<rootDir>/libs/$1/src',
  '^@ledger/(event-store|database|ledger|runtime)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

const common = {
  rootDir: __dirname,
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testEnvironment: 'node',
};

/** @type {import('jest').Config} */
module.exports = {
  // Applies to every project (jest reads it only here): integration tests start databases.
  testTimeout: 60000,
  // Much of a test's time is spent waiting on PostgreSQL or on a spawned service or CLI, so two
  // workers keep two cores busy (jest's default on two cores is a single worker); three starved the
  // tests that run a projector against a deadline.
  maxWorkers: 2,
  // Known-slow files first, so that the two workers finish together (see the sequencer).
  testSequencer: '<rootDir>/test/support/slow-first.sequencer.js',
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
