// Flat config: typescript-eslint's recommended rules on the sources, tests and scripts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', '**/out/', '.cache/', 'test-results/', '**/*.generated.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/extension/**/*.ts'],
    rules: {
      // The faces use the engine as any script would: through its public entry
      // (`scorecard-md/engine`), never its inner files.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/*', '**/engine/**', '!**/engine/index.js'],
              message:
                "Import the engine's public entry (../engine/index.js) only; export what a face needs from src/engine/library-exports.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      // The engine is shared by every face; it must never depend on VS Code.
      'no-restricted-imports': ['error', { paths: ['vscode'] }],
    },
  },
);
