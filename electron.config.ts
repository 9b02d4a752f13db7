// Build of the three processes: main (plus the CLI and browser host, which share its services), preload, renderer.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { META_CONTENT_SECURITY_POLICY } from './electron/core/csp'

/** The built page carries the CSP itself (file:// has no headers); the dev server's page gets it from the main process. */
function cspMeta(): Plugin {
  if (/["&<>]/.test(META_CONTENT_SECURITY_POLICY)) throw new Error('the CSP must not need escaping in an attribute')
  // The one directive a review flags (electronegativity, low) is explained beside it in the page.
  const justification =
    "<!-- style-src 'unsafe-inline': React style attributes and mapbox-gl set inline styles; styles cannot run code, and no script may be inline (script-src 'self'). -->"
  return {
    name: 'watchfloor-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(/<head>/i, `<head>\n    ${justification}\n    <meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}">`),
  }
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // ajv is bundled: its CommonJS subpath (ajv/dist/2020) has no ESM entry Node could resolve at run time.
      externalizeDeps: { exclude: ['ajv', 'i18n-iso-countries'] },
      rolldownOptions: {
        input: {
          index: resolve('electron/app/main.ts'),
          cli: resolve('electron/hosts/cli/main.ts'),
          browserHost: resolve('electron/hosts/browser/main.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react(), cspMeta()],
    build: {
      outDir: resolve('out/renderer'),
      // figures.html: no UI, draws briefing figures (the situation map) for the CLI in headless Chromium.
      rolldownOptions: { input: { index: resolve('renderer/index.html'), figures: resolve('renderer/figures.html') } },
    },
  },
})
