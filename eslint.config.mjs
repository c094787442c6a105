import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'tools/**', 'test/support/*.js', 'scripts/**', 'samples/**', 'test/fixtures/**'] },
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
  { files: ['src/server/**/*.ts', 'src/core/**/*.ts', 'src/catalogue/**/*.ts'], rules: { 'no-console': 'error' } },
);
