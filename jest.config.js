/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // A missing snapshot fails instead of being written (as a golden file does, see test/golden.ts): `npx jest -u` writes it.
  ci: true,
  // Jest's default leaves one core idle; the suite is CPU-bound synth work, so use them all.
  maxWorkers: '100%',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testPathIgnorePatterns: ['/node_modules/', '\\.snapshot/', '/cdk\\.out/'],
  modulePathIgnorePatterns: ['<rootDir>/cdk.out', '<rootDir>/dist', '<rootDir>/evidence'],
};
