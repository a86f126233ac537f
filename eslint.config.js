// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import playwright from 'eslint-plugin-playwright';
import globals from 'globals';

/**
 * `no-restricted-imports` options of renderer views (ui/, app/, features/); a later config
 * object replaces the rule's options, so each one lists the common patterns again.
 * @param {...{ regex: string, message: string }} extra
 */
function viewImports(...extra) {
  return {
    paths: [{ name: 'dexie', message: 'Only renderer/db/repos touch Dexie.' }],
    patterns: [
      { group: ['electron', 'node:*', '**/electron/**', '**/cli/**'], message: 'Use renderer/platform.' },
      ...extra,
    ],
  };
}

const NOT_APP = {
  regex: '^(\\.\\./)+app(/|$)',
  message: 'Features do not import from app/ (it composes them); move what both need down.',
};

/** @param {string} feature */
function notFeature(feature) {
  return {
    regex: `^(\\.\\./)+(features/)?${feature}(/|$)`,
    message: `Do not import the ${feature} feature here; move what both need to a lower module.`,
  };
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
      '**/.bench/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware rules on every TypeScript file: a promise is awaited, caught, or visibly
    // dropped with `void`; an async function is never passed where a void callback is expected.
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['renderer/vite.config.ts', 'scripts/*.d.mts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Issue 11 item 4: `constructor`, `toString` or `__proto__` from input are keys of every plain
    // object; a string-keyed lookup is a Map or nullProto({...}) (shared/domain/lookup.ts).
    files: ['shared/**/*.ts', 'cli/**/*.ts', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "VariableDeclarator[id.typeAnnotation.typeAnnotation.typeName.name='Record'][id.typeAnnotation.typeAnnotation.typeArguments.params.0.type='TSStringKeyword'] > ObjectExpression.init",
          message: 'A string-keyed lookup must not be a plain object: use a Map or nullProto({...}).',
        },
        {
          selector:
            "VariableDeclarator[id.typeAnnotation.typeAnnotation.type='TSTypeLiteral'][id.typeAnnotation.typeAnnotation.members.0.type='TSIndexSignature'] > ObjectExpression.init",
          message: 'A string-keyed lookup must not be a plain object: use a Map or nullProto({...}).',
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'dexie', 'dexie-react-hooks', 'electron'],
              message: 'shared/ is pure TypeScript.',
            },
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'shared/ must not use Node APIs.',
            },
            {
              group: ['**/renderer/**', '**/electron/**', '**/cli/**'],
              message: 'shared/ imports nothing outside shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', '**/electron/**', '**/cli/**'],
              message: 'The renderer reaches the desktop only through renderer/platform.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/ui/**/*.{ts,tsx}', 'renderer/app/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', viewImports()] },
  },
  {
    // Features sit below app/ (which composes them) and share only through lower layers.
    files: ['renderer/features/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', viewImports(NOT_APP)] },
  },
  {
    files: ['renderer/features/overview/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', viewImports(NOT_APP, notFeature('incidents'))] },
  },
  {
    files: ['renderer/features/incidents/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', viewImports(NOT_APP, notFeature('overview'))] },
  },
  {
    files: ['renderer/features/export/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', viewImports(NOT_APP, notFeature('document'))] },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**', 'react', 'dexie'], message: 'electron/ imports shared/ only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/e2e/**/*.ts', 'test/electron/**/*.ts'],
    ...playwright.configs['flat/recommended'],
  },
);
