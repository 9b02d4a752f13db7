// Lint for the whole tree, and the import boundaries the design rests on: who may import electron, Node, the DOM, React and zustand.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Each restriction: what it forbids and why, as `no-restricted-imports` patterns. */
const R = {
  electron: { regex: '^electron(/.*)?$', message: 'Only electron/app and electron/preload may import electron; everything else runs without it (browser host, CLI, tests).' },
  node: { regex: '^(node:.*|fs|fs/promises|path|os|crypto|child_process|http|https|net|url|util|stream|zlib|worker_threads)$', message: 'shared/ is pure: no Node modules (it runs in the renderer too).' },
  dom: { regex: '^(react|react-dom|react-dom/.*|zustand|mapbox-gl|dompurify|d3-selection|d3-zoom|d3-brush|@codemirror/.*|@tanstack/react-.*)$', message: 'shared/ is pure: no React, zustand or DOM-only modules.' },
  zustand: { regex: '^zustand(/.*)?$', message: 'zustand is imported by renderer/state/store.ts only; use useApp/getState from there.' },
  setState: { regex: '(^|/)state/store$', importNames: ['setState'], message: 'Change app state through an actions module (renderer/state/actions.ts or a view’s actions.ts), not setState.' },
  toElectronDir: { regex: '(^|/)electron/', message: 'The renderer talks to the main side only through the typed client (renderer/api.ts), never by importing electron/.' },
  toRenderer: { regex: '(^|/)renderer/', message: 'Main-side code never imports the renderer.' },
  fromShared: { regex: '^\\.\\./(electron|renderer)(/|$)', message: 'shared/ imports nothing from electron/ or renderer/.' },
  coreUp: { regex: '(^|/)(app|hosts|preload)/', message: 'electron/core runs in every host: it imports nothing from app/, hosts/ or preload/.' },
  hostsUp: { regex: '(^|/)(app|preload)/', message: 'Hosts are shells over core/: they import nothing from app/ or preload/.' },
}

const restrict = (...rules) => ({ 'no-restricted-imports': ['error', { patterns: rules }] })

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'renderer/public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  // Renderer code, and scripts whose page.evaluate callbacks run in the page.
  { files: ['renderer/**/*.{ts,tsx}', 'scripts/**/*.mjs'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  // Boundaries, narrowest last: a later block replaces the earlier one's list for the files it names.
  { files: ['shared/**/*.ts'], rules: restrict(R.electron, R.node, R.dom, R.fromShared) },
  { files: ['renderer/**/*.{ts,tsx}'], rules: restrict(R.electron, R.toElectronDir, R.zustand, R.setState) },
  { files: ['renderer/state/**/*.ts', 'renderer/**/actions.ts'], rules: restrict(R.electron, R.toElectronDir, R.zustand) },
  { files: ['renderer/state/store.ts'], rules: restrict(R.electron, R.toElectronDir) },
  { files: ['electron/core/**/*.ts'], rules: restrict(R.electron, R.coreUp, R.toRenderer, R.zustand) },
  { files: ['electron/hosts/**/*.ts'], rules: restrict(R.electron, R.hostsUp, R.toRenderer, R.zustand) },
  { files: ['electron/app/**/*.ts', 'electron/preload/**/*.ts'], rules: restrict(R.toRenderer, R.zustand) },
)
