/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { writeFileSync } from 'node:fs'
import { defineConfig, type Plugin, type ProxyOptions } from 'vite'
import { moveSourcemaps } from './deploy/build/moveSourcemaps.ts'
import { precompress } from './deploy/build/precompress.ts'
import { zodWithoutJsonSchema } from './deploy/build/zodWithoutJsonSchema.ts'
import { SECURITY_HEADERS } from './deploy/securityHeaders.ts'
import { mockApi } from './mock-api/plugin.ts'
import { mockApiOptionsFromEnv } from './mock-api/runtime.ts'

/**
 * With CATALYST_API_URL set, the console talks to a real catalyst-api (or `npm run mock` on another port):
 * `/api`, `/sovereign/api` (prefix stripped, as Traefik and the console's nginx do) and the root
 * `/auth/handover` are proxied, SSE unbuffered (the proxy streams; the dev server compresses nothing), and
 * the mock is off.
 * - Host: a local API gets the browser's Host, as behind nginx — it tells the consoles apart by it, so
 *   `console.<fqdn>.localhost` works as a Sovereign. A remote one gets its own (Traefik routes by Host).
 * - Cookies: their Domain is dropped, so the sign-in cookie belongs to the console's host (the API may
 *   scope it to its own domain, e.g. CATALYST_SESSION_COOKIE_DOMAIN, which the browser would refuse here).
 * - X-Forwarded-For/Proto/Host are set, as nginx does.
 */
function realBackendProxy(target: string): Record<string, ProxyOptions> {
  const host = new URL(target).hostname
  const local = ['localhost', '127.0.0.1', '[::1]', '::1'].includes(host) || host.endsWith('.localhost')
  const common: ProxyOptions = {
    target,
    changeOrigin: !local,
    xfwd: true,
    ws: false,
    secure: true,
    cookieDomainRewrite: { '*': '' },
  }
  return {
    '/api/': common,
    '/sovereign/api/': { ...common, rewrite: (p) => p.replace(/^\/sovereign/, '') },
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

/**
 * `vite preview` sends the production server's headers (deploy/securityHeaders.ts, the one source nginx is
 * rendered from) on every response, API included. Listed before the mock so its middleware runs first.
 */
function securityHeaders(): Plugin {
  return {
    name: 'catalyst-security-headers',
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value)
        next()
      })
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
      zodWithoutJsonSchema(),
      securityHeaders(),
      useMock ? mockApi(mockApiOptionsFromEnv(process.env)) : undefined,
      process.env.BUNDLE_REPORT ? bundleReport(process.env.BUNDLE_REPORT) : undefined,
      moveSourcemaps(),
      precompress(),
    ],
    server: { port: 5173, host: 'localhost', allowedHosts: ['.localhost', 'localhost'], proxy },
    preview: { port: 4173, host: 'localhost', allowedHosts: ['.localhost', 'localhost'], proxy },
    // Maps without a sourceMappingURL comment, moved out of the output by moveSourcemaps(): never served.
    build: { target: 'es2022', sourcemap: 'hidden' as const, chunkSizeWarningLimit: 900 },
    worker: { format: 'es' as const },
    test: {
      include: [
        'src/**/*.test.{ts,tsx}',
        'mock-api/**/*.test.ts',
        'scripts/**/*.test.ts',
        'deploy/**/*.test.ts',
        'e2e/**/*.test.ts',
        'bench/**/*.test.ts',
      ],
      environment: 'node',
      restoreMocks: true,
    },
  }
})
