/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import { defineConfig, type ProxyOptions } from 'vite'
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

export default defineConfig(() => {
  const apiUrl = process.env.CATALYST_API_URL
  const proxy = apiUrl ? realBackendProxy(apiUrl) : undefined
  const useMock = !apiUrl && !process.env.VITEST
  return {
    plugins: [react(), useMock ? mockApi(mockApiOptionsFromEnv(process.env)) : undefined],
    server: { port: 5173, host: 'localhost', allowedHosts: ['.localhost', 'localhost'], proxy },
    preview: { port: 4173, host: 'localhost', allowedHosts: ['.localhost', 'localhost'], proxy },
    build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 900 },
    worker: { format: 'es' as const },
    test: {
      include: ['src/**/*.test.{ts,tsx}', 'mock-api/**/*.test.ts'],
      environment: 'node',
      restoreMocks: true,
    },
  }
})
