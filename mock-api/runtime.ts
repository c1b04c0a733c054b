/**
 * The one way to build a running mock: options (from the environment) → simulator + HTTP app. The Vite
 * plugin and the standalone server (`npm run mock`) are both thin adapters over this, so they cannot drift.
 */
import { createMockApp, type MockApp } from './app.ts'
import { Simulator } from './sim/simulator.ts'

export interface MockApiOptions {
  /** `fixed`: the clock starts paused (tests advance it); `real`: it runs at `speed` × real time. */
  clock: 'fixed' | 'real'
  speed: number
  /** Print issued PINs so a developer can sign in. */
  logPins: boolean
  /**
   * Answer only the paths catalyst-api itself serves (`/api/…`, `/auth/handover`, `/healthz`, `/readyz`).
   * Upstream, `/sovereign/api/…` does not exist — the proxy in front (Traefik, the console's nginx, the dev
   * proxy) strips `/sovereign` — so a proxy that forgets to strip it gets 404s, as it would in production.
   */
  strictPaths: boolean
  /**
   * `Domain` attribute on every cookie the mock sets, as catalyst-api's `CATALYST_SESSION_COOKIE_DOMAIN`
   * does. A proxy on another host must rewrite it or the browser drops the sign-in cookie.
   */
  cookieDomain: string | undefined
}

/** A readable refusal of a bad environment value (the standalone server prints it and exits). */
export class MockOptionsError extends Error {}

const DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i

export function mockApiOptionsFromEnv(env: NodeJS.ProcessEnv): MockApiOptions {
  const speed = Number(env.MOCK_SPEED ?? '')
  const cookieDomain = env.MOCK_COOKIE_DOMAIN?.trim() || undefined
  if (cookieDomain !== undefined && (!DOMAIN.test(cookieDomain) || cookieDomain.length > 253))
    throw new MockOptionsError(`MOCK_COOKIE_DOMAIN is not a domain name: ${JSON.stringify(cookieDomain)}`)
  return {
    clock: env.MOCK_CLOCK === 'fixed' ? 'fixed' : 'real',
    speed: Number.isFinite(speed) && speed > 0 ? speed : 20,
    logPins: env.MOCK_LOG_PINS !== '0',
    strictPaths: env.MOCK_STRICT_PATHS === '1',
    cookieDomain,
  }
}

/** Simulator + HTTP app for these options; `log` receives the PIN lines when `logPins` is on. */
export function createMockRuntime(options: MockApiOptions, log: (line: string) => void): MockApp {
  const sim = new Simulator({
    clockDefaults:
      options.clock === 'fixed' ? { speed: 1, paused: true } : { speed: options.speed, paused: false },
    onPinIssued: options.logPins
      ? (email, pin) =>
          log(
            `[mock-api] PIN for ${email}: ${pin}  (also: GET /api/__mock/pin?email=${encodeURIComponent(email)})`,
          )
      : undefined,
  })
  return createMockApp(sim, { strictPaths: options.strictPaths, cookieDomain: options.cookieDomain })
}
