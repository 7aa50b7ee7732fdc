// The import rules `npm run lint` enforces (dependency-cruiser). Each rule says why it exists;
// `npx depcruise --config .dependency-cruiser.js src bench test` lists what breaks them.

/** Files that only tests run: never part of dist/ (tsconfig.build.json excludes them too). */
const TEST_ONLY = '(\\.test\\.ts|\\.fixture\\.ts|\\.queries\\.ts)$';

export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles, type-only imports included: a cycle means two files are one unit in ' +
        'disguise, and at run time it makes the order in which modules load matter.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'src/domain holds the programme rules as pure functions: no database, no server, no CLI, ' +
        'no file system. Move the I/O to src/modules/<feature> and pass its result in.',
      from: { path: '^src/domain/', pathNot: TEST_ONLY },
      to: {
        path: [
          '^src/(modules|db|server|cli)/',
          '^(node:)?fs(/promises)?$',
          '^node_modules/(pg|better-sqlite3|kysely)/',
        ],
      },
    },
    {
      name: 'domain-tests-stay-in-domain',
      severity: 'error',
      comment:
        'Tests of src/domain test pure functions: they may read a fixture file, but need no ' +
        'database, server or CLI (those tests live in src/modules).',
      from: { path: '^src/domain/.*' + TEST_ONLY },
      to: { path: ['^src/(modules|db|server|cli)/', '^node_modules/(pg|better-sqlite3|kysely)/'] },
    },
    {
      name: 'built-code-not-to-test-code',
      severity: 'error',
      comment:
        'What is built into dist/ (src and bench, tests and fixtures aside) must not import ' +
        'tests, fixtures, query samples or the shared test harness in test/: they are not built.',
      from: { path: '^(src|bench)/', pathNot: TEST_ONLY },
      to: { path: [TEST_ONLY, '^test/'] },
    },
    {
      name: 'src-not-to-bench',
      severity: 'error',
      comment:
        'The product does not depend on its benchmark; only tests and fixtures may borrow from bench/.',
      from: { path: '^src/', pathNot: TEST_ONLY },
      to: { path: '^bench/' },
    },
    {
      name: 'built-code-not-to-dev-dependencies',
      severity: 'error',
      comment:
        'npm installs only "dependencies" for a user: built code importing a devDependency ' +
        '(vitest, fast-check, tsx, …) would fail there.',
      // bench/load-client.ts drives the load section with autocannon (a devDependency): the
      // bench runs from a checkout (`npm run bench`), never from an installed package.
      from: { path: '^(src|bench)/', pathNot: [TEST_ONLY, '^bench/load-client\\.ts$'] },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: `import type` cycles are still two files that cannot be read apart.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
