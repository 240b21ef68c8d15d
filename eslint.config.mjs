// ESLint (flat config, typescript-eslint): the TypeScript rules this code follows. `npm test` runs it through
// scripts/check.ts, on the type checker's own program; `npx eslint .` runs it alone (an editor: the project service).
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'cdk.out/**', '**/cdk.out/**', '**/*.snapshot/**', 'evidence/**', '**/*.js', '**/*.mjs', '**/*.d.ts'],
  },
  {
    // An eslint-disable comment that no rule needs is an error: it would hide the next real finding.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    rules: {
      // A promise nobody awaits loses its error (a report written half, a test that passes before it fails).
      '@typescript-eslint/no-floating-promises': 'error',
      // Node built-ins, then packages, then our own modules.
      'import-x/order': ['error', { groups: ['builtin', 'external', ['parent', 'sibling', 'index']] }],
    },
  },
  {
    // The library loads what it needs with static imports (optional peers with a typed import()): no require().
    files: ['lib/**/*.ts', 'constructs/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'error' },
  },
  {
    // No `any` in the public contracts: construct props, the checklist data, the packs and the evaluation door, the
    // report model and its formats. CloudFormation JSON stays `any`-valued where it is read (lib/aws/template.ts):
    // any value may be an intrinsic, and the resolver says what it is.
    files: ['constructs/**/*.ts', 'lib/checklist/**/*.ts', 'lib/packs/**/*.ts', 'lib/report/model.ts', 'lib/report/render/formats.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
);
