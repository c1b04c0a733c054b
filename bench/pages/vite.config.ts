import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

/**
 * The benchmark's baseline pages (the upstream approaches the issue compares against): built only by
 * `npm run bench`, into node_modules/.cache/bench-pages/, and served to the browser by the bench fixture under `/__bench/` —
 * never part of the app's build or of `dist/`.
 */
const here = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root: here,
  base: '/__bench/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../node_modules/.cache/bench-pages', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: {
        flow: `${here}flow.html`,
        table: `${here}table.html`,
      },
    },
  },
})
