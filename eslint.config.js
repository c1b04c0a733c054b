// Lint rules that keep the architecture honest: one-way imports between layers (import-x zones), no React
// in the pure folders, type-only imports marked, hooks rules, and accessibility rules for JSX.
import js from '@eslint/js'
import importX from 'eslint-plugin-import-x'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
import pluginQuery from '@tanstack/eslint-plugin-query'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const features = [
  'shell',
  'auth',
  'deployments',
  'jobs',
  'flow',
  'dashboard',
  'cloud',
  'apps',
  'users',
  'settings',
  'notifications',
  'compare',
  'palette',
]

/** One-way import zones; test files may also use src/testing (test doubles). */
function zones(forTests) {
  const t = forTests ? ['./testing'] : []
  return [
    {
      target: './src/contracts',
      from: './src',
      except: ['./contracts', ...t],
      message: 'contracts import only zod',
    },
    {
      // The wire's vocabulary (contracts: zod and plain types, no app code) is the one thing graph/ shares:
      // the status words and the phase order, so the graph can never disagree with the jobs table.
      target: './src/graph',
      from: './src',
      except: ['./graph', './contracts', ...t],
      message: 'graph/ is pure: it imports only contracts (the wire vocabulary), no app code',
    },
    {
      target: './src/canvas',
      from: './src',
      except: ['./canvas', './graph', ...t],
      message: 'canvas/ draws graph/ output only',
    },
    {
      target: './src/lib',
      from: './src',
      except: ['./lib', './contracts', ...t],
      message: 'lib/ depends on contracts only',
    },
    {
      // entities/: a resource's queries, keys, streams, status words and URL codecs, shared by features.
      target: './src/entities',
      from: './src',
      except: ['./entities', './lib', './contracts', './graph', ...t],
      message: 'entities/ import lib, contracts and graph only — never features or routes',
    },
    {
      target: './src/components',
      from: ['./src/features', './src/routes'],
      message: 'shared components never import features or routes',
    },
    { target: './src/features', from: './src/routes', message: 'features never import routes' },
    ...features.map((f) => ({
      target: `./src/features/${f}`,
      from: './src/features',
      except: [`./${f}`],
      message: 'features never import each other: compose them in a route',
    })),
    {
      target: './mock-api',
      from: './src',
      except: ['./contracts'],
      message: 'the mock shares only the contract',
    },
    {
      target: './src',
      from: ['./mock-api', './e2e', './bench'],
      message: 'the app never imports test or mock code',
    },
    ...(forTests
      ? []
      : [{ target: './src', from: './src/testing', message: 'test doubles are for tests only' }]),
  ]
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench/results',
      'public',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error', 'info', 'log'] }],
      'import-x/no-restricted-paths': ['error', { zones: zones(false) }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      ...pluginQuery.configs['flat/recommended'][0].rules,
      'jsx-a11y/no-autofocus': 'off',
      // We do not run the React Compiler; TanStack Table and Virtual are fine without memoisation.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    files: ['src/contracts/**', 'src/graph/**', 'src/canvas/**', 'mock-api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: 'pure code: no React here' },
            { name: 'react-dom', message: 'pure code: no React here' },
          ],
        },
      ],
    },
  },
  {
    // One URL-state mechanism (lib/routeSearch.ts): screens read their route's codec and never cast the
    // router's untyped answers. Tests may still build deliberately wrong inputs with `as never`.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/lib/routeSearch.ts', 'src/**/*.test.{ts,tsx}', 'src/testing/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.name=/^use(Search|Params)$/] Property[key.name='strict'][value.value=false]",
          message: 'Read URL state through usePageSearch(codec) / usePageParam(name) (lib/routeSearch.ts).',
        },
        {
          selector: "TSAsExpression[typeAnnotation.type='TSNeverKeyword']",
          message:
            'No `as never`: navigate through useSearchPatch / useGoTo (lib/routeSearch.ts) or fix the type.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.test.{ts,tsx}', 'src/testing/**'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: zones(true) }] },
  },
  {
    files: ['e2e/**', 'bench/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
)
