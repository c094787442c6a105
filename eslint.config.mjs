import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'packages/*/out/**', 'packages/types/index.d.ts', 'dist/**', 'node_modules/**', 'tools/**', 'test/support/*.js', 'scripts/**', 'samples/**', 'test/fixtures/**'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      'no-debugger': 'error',
    },
  },
  // The server logs through the connection (stdout is the protocol under --stdio); the core returns, never prints.
  { files: ['packages/language-server/src/**/*.ts', 'packages/core/src/**/*.ts'], rules: { 'no-console': 'error' } },
);
