import { defineConfig } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium.mjs'
import { e2ePorts, projectsToRun } from './servers.ts'

/**
 * Three projects, one worker (tests share each mock and each starts with `mockApi.reset()`):
 * - `default`: a production build with the read-only canvas test hooks (`--mode e2e`) served by
 *   `vite preview` with the mock API embedded, on a fixed, paused clock — every feature spec.
 * - `prod`: the real topology — `npm run build` (production mode: no test hooks) in dist-prod/, served by
 *   the repo's nginx config (`npm run serve:prod`) in front of the standalone mock (`npm run mock`) on
 *   another port; plus a second nginx whose upstream is dead (bad input).
 * - `dev-proxy`: `CATALYST_API_URL=… vite` (the dev proxy) in front of another standalone mock.
 * Servers start in order (the two builds never overlap) and only for the projects selected with
 * `--project` (all when none is given).
 */
const root = fileURLToPath(new URL('..', import.meta.url))
const ports = e2ePorts(process.env)
const run = projectsToRun(process.argv, ['default', 'prod', 'dev-proxy'])
const reuse = !process.env.CI
const fixedMock = { MOCK_CLOCK: 'fixed', MOCK_LOG_PINS: '0' }
/** Lets serve:prod and the mock stop cleanly (temp dir removed, streams closed). */
const graceful = { signal: 'SIGTERM', timeout: 10_000 } as const

const chromium = {
  executablePath: findChromium(),
  // Chromium resolves *.localhost to loopback itself; the rule makes it explicit for Sovereign hosts.
  args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP *.localhost 127.0.0.1'],
}

export default defineConfig({
  outputDir: '../test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // E2E_RETRIES=0 runs CI's own command without its one retry (the stress proof runs `.ci/run` that way).
  retries: process.env.E2E_RETRIES ? Number(process.env.E2E_RETRIES) : process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]]
    : [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: chromium,
  },
  projects: [
    {
      name: 'default',
      testDir: './specs',
      use: { baseURL: `http://localhost:${ports.preview}` },
    },
    {
      name: 'prod',
      testDir: '.',
      // Its own specs, plus the shared ones that need no test hooks (a production build has none).
      testMatch: ['prod/**/*.spec.ts', 'specs/smoke.spec.ts', 'specs/security-headers.spec.ts'],
      use: { baseURL: `http://localhost:${ports.prod}` },
    },
    {
      name: 'dev-proxy',
      testDir: '.',
      testMatch: ['dev-proxy/**/*.spec.ts', 'specs/smoke.spec.ts'],
      use: { baseURL: `http://localhost:${ports.dev}` },
      // The dev server compiles each module on its first request: the first page of a test is slow.
      expect: { timeout: 30_000 },
    },
  ],
  webServer: [
    ...(run.has('default')
      ? [
          {
            name: 'preview',
            command: `npx vite build --mode e2e && npx vite preview --mode e2e --port ${ports.preview} --strictPort`,
            cwd: root,
            url: `http://localhost:${ports.preview}/healthz`,
            reuseExistingServer: reuse,
            timeout: 240_000,
            env: fixedMock,
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
        ]
      : []),
    ...(run.has('prod')
      ? [
          {
            name: 'mock (prod)',
            command: 'npm run mock',
            cwd: root,
            url: `http://127.0.0.1:${ports.prodMock}/healthz`,
            reuseExistingServer: reuse,
            timeout: 60_000,
            // Strict: only catalyst-api's own paths, so an nginx that forgot to strip /sovereign fails.
            env: { ...fixedMock, PORT: String(ports.prodMock), MOCK_STRICT_PATHS: '1' },
            gracefulShutdown: graceful,
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
          {
            name: 'nginx (prod)',
            // `npm run build` into its own directory: dist/ is the e2e build the preview serves.
            command: 'npm run build -- --outDir dist-prod && npm run serve:prod',
            cwd: root,
            url: `http://localhost:${ports.prod}/healthz`,
            reuseExistingServer: reuse,
            timeout: 240_000,
            env: {
              CONSOLE_PORT: String(ports.prod),
              CONSOLE_DIST: 'dist-prod',
              CATALYST_API_URL: `http://127.0.0.1:${ports.prodMock}`,
            },
            gracefulShutdown: graceful,
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
          {
            name: 'nginx (dead upstream)',
            command: 'npm run serve:prod',
            cwd: root,
            url: `http://localhost:${ports.deadUpstream}/healthz`,
            reuseExistingServer: reuse,
            timeout: 60_000,
            // Port 9 (discard): nothing listens, every connection is refused.
            env: {
              CONSOLE_PORT: String(ports.deadUpstream),
              CONSOLE_DIST: 'dist-prod',
              CATALYST_API_URL: 'http://127.0.0.1:9',
            },
            gracefulShutdown: graceful,
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
        ]
      : []),
    ...(run.has('dev-proxy')
      ? [
          {
            name: 'mock (dev-proxy)',
            command: 'npm run mock',
            cwd: root,
            url: `http://127.0.0.1:${ports.devMock}/healthz`,
            reuseExistingServer: reuse,
            timeout: 60_000,
            // The cookie scoped to another domain, as catalyst-api's CATALYST_SESSION_COOKIE_DOMAIN does:
            // the dev proxy must hand the browser a cookie for the console's own host.
            env: {
              ...fixedMock,
              PORT: String(ports.devMock),
              MOCK_STRICT_PATHS: '1',
              MOCK_COOKIE_DOMAIN: 'console.openova.io',
            },
            gracefulShutdown: graceful,
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
          {
            name: 'vite dev (proxy)',
            command: `npx vite --port ${ports.dev} --strictPort`,
            cwd: root,
            url: `http://localhost:${ports.dev}/healthz`,
            reuseExistingServer: reuse,
            timeout: 120_000,
            env: { CATALYST_API_URL: `http://127.0.0.1:${ports.devMock}` },
            gracefulShutdown: graceful,
            stdout: 'ignore' as const,
            stderr: 'pipe' as const,
          },
        ]
      : []),
  ],
})
