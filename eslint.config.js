// Lint is part of `npm test`. The layer rules of docs/architecture.md are enforced here, by
// folder: a layer may import only the layers listed for it (ui may take engine types only).
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The engine's pure helpers (value text, plain-object test, dot paths), which ui may import; the entry.
const files = [
  { category: 'engine-view', pattern: 'src/engine/{describeValue,plainValues,paths}.ts' },
  { category: 'entry', pattern: 'src/main.tsx' },
];

const layers = [
  { type: 'engine', pattern: 'src/engine' },
  { type: 'share', pattern: 'src/share' },
  { type: 'worker', pattern: 'src/worker' },
  { type: 'state', pattern: 'src/state' },
  { type: 'ui', pattern: 'src/ui' },
  { type: 'cli', pattern: 'src/cli' },
];

/** A policy: files of layer `from` may import from the `to` layers. */
const may = (from, to) => ({ from: { element: { type: from } }, allow: { to: { element: { type: to } } } });

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'public/**', 'examples/**/*.js', 'bench/.build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['src/worker/sandboxScript.js', 'eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      // `const { drop: _drop, ...rest } = obj` is how an object loses a key without mutation.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, boundaries },
    settings: { 'boundaries/elements': layers, 'boundaries/files': files, 'boundaries/include': ['src/**/*'] },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'boundaries/no-unknown-files': 'error',
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          message:
            'src/{{from.type}} may not import "{{dependency.source}}" (docs/architecture.md, Layers: engine takes only engine, sift, acorn, fast-check and pure-rand; share and worker take engine; state takes engine, worker and share; ui takes state and engine types; cli takes engine and share)',
          policies: [
            may('engine', ['engine']),
            may('share', ['share', 'engine']),
            may('worker', ['worker', 'engine']),
            may('state', ['state', 'engine', 'worker', 'share']),
            may('ui', ['ui', 'state']),
            { from: { element: { type: 'ui' } }, allow: { to: { file: { categories: 'engine-view' } } } },
            { from: { element: { type: 'ui' } }, allow: { to: { element: { type: 'engine' } }, dependency: { kind: 'type' } } },
            may('cli', ['cli', 'engine', 'share']),
            { from: { file: { categories: 'entry' } }, allow: { to: { element: { type: ['ui', 'state'] } } } },
            // Packages and Node's modules: any, except in the engine, which may use sift, acorn, fast-check and pure-rand (Explore's seeded generators) only.
            { allow: { to: { module: { origin: ['external', 'core'] } } } },
            { from: { element: { type: 'engine' } }, disallow: { to: { module: { origin: ['external', 'core'] } } } },
            { from: { element: { type: 'engine' } }, allow: { to: { module: { origin: 'external', source: ['sift', 'acorn', 'fast-check', 'pure-rand'] } } } },
          ],
        },
      ],
    },
  },
  prettier,
);
