// Lint: typescript-eslint's recommended rules (no type information, so that it stays fast) and the project's
// import boundaries. Formatting is Prettier's (.prettierrc.json); `npm run lint` runs both, `npm test` too.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What each part of the code may not import (ARCHITECTURE.md, "Invariants"). */
const boundaries = [
  {
    files: ['server/src/service/**/*.ts'],
    message: 'The language service knows nothing of vscode or the LSP connection (ARCHITECTURE.md).',
    patterns: [
      'vscode',
      'vscode-languageserver',
      'vscode-languageserver/*',
      'vscode-languageclient',
      'vscode-languageclient/*',
    ],
  },
  {
    files: ['cli/src/**/*.ts'],
    message: 'The CLI uses the service and the call layer, nothing of the VS Code client.',
    patterns: [
      'vscode',
      'vscode-languageclient',
      'vscode-languageclient/*',
      '**/client/src/*',
      '!**/client/src/eci',
      '!**/client/src/eci/*',
    ],
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      '.vscode-test/',
      'bench/.cache/',
      'bench/.peer/',
      'bench/results/',
      'server/src/generated/',
      'test/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
        structuredClone: 'readonly',
        AbortController: 'readonly',
        SharedArrayBuffer: 'readonly',
        Atomics: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        fetch: 'readonly',
        window: 'readonly',
        document: 'readonly',
        globalThis: 'readonly',
        queueMicrotask: 'readonly',
        WebSocket: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      'no-control-regex': 'off',
      // YAML indentation in test patterns reads better as the spaces themselves.
      'no-regex-spaces': 'off',
    },
  },
  ...boundaries.map(({ files, message, patterns }) => ({
    files,
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }] },
  })),
);
