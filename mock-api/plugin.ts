/**
 * Vite plugin mounting the mock API in both `vite dev` and `vite preview`. The middleware is registered
 * directly in the hooks (not in a returned post-hook), so `/api` answers before Vite's own middleware —
 * including preview's compression, which must never buffer an SSE stream.
 */
import type { Plugin, PreviewServer, ViteDevServer } from 'vite'
import { createMockApp, type MockApp } from './app.ts'
import { Simulator } from './sim/simulator.ts'

export interface MockApiOptions {
  /** `fixed`: the clock starts paused (tests advance it); `real`: it runs at `speed` × real time. */
  clock: 'fixed' | 'real'
  speed: number
  /** Print issued PINs so a developer can sign in. */
  logPins: boolean
}

/**
 * Content-Security-Policy for the built console: no inline scripts at all (the theme bootstrap is an
 * external file); inline styles stay allowed because xterm and Radix set element styles at runtime.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ')

export function mockApiOptionsFromEnv(env: NodeJS.ProcessEnv): MockApiOptions {
  const speed = Number(env.MOCK_SPEED ?? '')
  return {
    clock: env.MOCK_CLOCK === 'fixed' ? 'fixed' : 'real',
    speed: Number.isFinite(speed) && speed > 0 ? speed : 20,
    logPins: env.MOCK_LOG_PINS !== '0',
  }
}

export function mockApi(options: MockApiOptions): Plugin {
  let app: MockApp | undefined
  const mount = (server: ViteDevServer | PreviewServer) => {
    if (!app) {
      const sim = new Simulator({
        clockDefaults:
          options.clock === 'fixed' ? { speed: 1, paused: true } : { speed: options.speed, paused: false },
        onPinIssued: options.logPins
          ? (email, pin) =>
              server.config.logger.info(
                `[mock-api] PIN for ${email}: ${pin}  (also: GET /api/__mock/pin?email=${encodeURIComponent(email)})`,
              )
          : undefined,
      })
      app = createMockApp(sim)
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
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
        res.setHeader('X-Content-Type-Options', 'nosniff')
        res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
        res.setHeader('X-Frame-Options', 'DENY')
        next()
      })
      mount(server)
    },
  }
}
