import { defineConfig } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium.mjs'

/**
 * E2E against a production build (`--mode e2e`: production code plus the read-only canvas test hooks)
 * served by `vite preview` with the mock API on a fixed, paused clock. One worker: tests share the mock
 * and each starts with `mockApi.reset()`.
 */
const port = Number(process.env.E2E_PORT ?? 4173)
const root = fileURLToPath(new URL('..', import.meta.url))

export default defineConfig({
  testDir: './specs',
  outputDir: '../test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]]
    : [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: findChromium(),
      // Chromium resolves *.localhost to loopback itself; the rule makes it explicit for Sovereign hosts.
      args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP *.localhost 127.0.0.1'],
    },
  },
  webServer: {
    command: `npx vite build --mode e2e && npx vite preview --mode e2e --port ${port} --strictPort`,
    cwd: root,
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    env: { MOCK_CLOCK: 'fixed', MOCK_LOG_PINS: '0' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
