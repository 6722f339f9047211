import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'packages/berth-lint/dist/**',
      'out/**',
      'node_modules/**',
      '.vscode-test/**',
      '.berth/**',
      'media/vendor/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            '*.mjs',
            '.dependency-cruiser.cjs',
            'media/*.js',
            'scripts/*.mjs',
            'test/harness/*.mjs',
            'syntaxes/*.mjs',
            'bench/lib/*.cjs',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.mjs', '.dependency-cruiser.cjs', 'media/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      // Plain scripts: no type information, so no project to find them in.
      parserOptions: { projectService: false, project: false },
      globals: {
        console: 'readonly',
        process: 'readonly',
        window: 'readonly',
        document: 'readonly',
        acquireVsCodeApi: 'readonly',
      },
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    // Plain CommonJS that Node runs as it is: a bench's peer process.
    files: ['bench/lib/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'commonjs',
      globals: { require: 'readonly', process: 'readonly' },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Custom LSP messages follow vscode-eslint's shape: one namespace per message, method + types.
    files: ['common/**/*.ts'],
    rules: { '@typescript-eslint/no-namespace': 'off' },
  },
  prettier,
);
