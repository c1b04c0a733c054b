/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { writeFileSync } from 'node:fs'
import { defineConfig, type Plugin, type ProxyOptions } from 'vite'
import { mockApi, mockApiOptionsFromEnv } from './mock-api/plugin.ts'

/**
 * With CATALYST_API_URL set, the console talks to a real catalyst-api: `/api`, `/sovereign/api` (prefix
 * stripped, as Traefik does) and the root `/auth/handover` are proxied, SSE unbuffered, and the mock is off.
 */
function realBackendProxy(target: string): Record<string, ProxyOptions> {
  const common: ProxyOptions = { target, changeOrigin: true, ws: false, secure: true }
  return {
    '/api': common,
    '/sovereign/api': { ...common, rewrite: (p) => p.replace(/^\/sovereign/, '') },
    '^/auth/handover(\\?.*)?$': common,
    '/healthz': common,
    '/readyz': common,
  }
}

/**
 * With BUNDLE_REPORT=<file>, records every emitted chunk with its modules and static/dynamic imports, so the
 * benchmark can compute exactly which JS the first route needs (and prove graph/terminal/treemap code is
 * not in it).
 */
function bundleReport(file: string): Plugin {
  return {
    name: 'catalyst-bundle-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle)
        .filter((c) => c.type === 'chunk')
        .map((c) => ({
          fileName: c.fileName,
          isEntry: c.isEntry,
          facadeModuleId: c.facadeModuleId,
          imports: c.imports,
          dynamicImports: c.dynamicImports,
          moduleIds: c.moduleIds,
        }))
      writeFileSync(file, JSON.stringify({ chunks }, null, 1))
    },
  }
}

export default defineConfig(() => {
  const apiUrl = process.env.CATALYST_API_URL
  const proxy = apiUrl ? realBackendProxy(apiUrl) : undefined
  const useMock = !apiUrl && !process.env.VITEST
  return {
    plugins: [
      react(),
      useMock ? mockApi(mockApiOptionsFromEnv(process.env)) : undefined,
      process.env.BUNDLE_REPORT ? bundleReport(process.env.BUNDLE_REPORT) : undefined,
    ],
    server: { port: 5173, host: 'localhost', allowedHosts: ['.localhost', 'localhost'], proxy },
    preview: { port: 4173, host: 'localhost', allowedHosts: ['.localhost', 'localhost'], proxy },
    build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 900 },
    worker: { format: 'es' as const },
    test: {
      include: ['src/**/*.test.{ts,tsx}', 'mock-api/**/*.test.ts', 'scripts/**/*.test.ts'],
      environment: 'node',
      restoreMocks: true,
    },
  }
})
