/**
 * Vite plugin mounting the mock API in both `vite dev` and `vite preview` — a thin adapter over the same
 * runtime the standalone server uses (`server.ts`). The middleware is registered directly in the hooks (not
 * in a returned post-hook), so `/api` answers before Vite's own middleware — including preview's
 * compression, which must never buffer an SSE stream.
 */
import type { Plugin, PreviewServer, ViteDevServer } from 'vite'
import type { MockApp } from './app.ts'
import { createMockRuntime, type MockApiOptions } from './runtime.ts'

export function mockApi(options: MockApiOptions): Plugin {
  let app: MockApp | undefined
  const mount = (server: ViteDevServer | PreviewServer) => {
    if (!app) {
      app = createMockRuntime(options, (line) => server.config.logger.info(line))
      server.httpServer?.once('close', () => app?.close())
    }
    server.middlewares.use(app.handle)
  }
  return {
    name: 'catalyst-mock-api',
    configureServer(server) {
      mount(server)
    },
    configurePreviewServer(server) {
      mount(server)
    },
  }
}
