import { defineConfig } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium.mjs'

/**
 * `npm run bench`: scenarios measured in headless Chromium against a production build (`--mode e2e`, which
 * adds only the read-only test hooks) served with the mock API. Not part of `npm test` (timing on a shared
 * CI machine is not pass/fail material); results go to bench/results/latest.json and a table on stdout.
 */
const port = Number(process.env.BENCH_PORT ?? 4310)
const root = fileURLToPath(new URL('..', import.meta.url))

export default defineConfig({
  testDir: './specs',
  testMatch: /.*\.bench\.ts/,
  outputDir: '../test-results/bench',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 10 * 60_000,
  reporter: [['list'], ['./reporter.ts']],
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1440, height: 900 },
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
    launchOptions: {
      executablePath: findChromium(),
      args: [
        ...CHROMIUM_ARGS,
        '--host-resolver-rules=MAP *.localhost 127.0.0.1',
        '--enable-precise-memory-info',
        '--js-flags=--expose-gc',
      ],
    },
  },
  webServer: {
    // The app's production build, then the baseline pages' separate build (never part of dist/).
    command: `npx vite build --mode e2e && npx vite build -c bench/pages/vite.config.ts && npx vite preview --mode e2e --port ${port} --strictPort`,
    cwd: root,
    url: `http://localhost:${port}/healthz`,
    // BENCH_REUSE_SERVER=1: iterate on a scenario against a server already running on BENCH_PORT.
    reuseExistingServer: !!process.env.BENCH_REUSE_SERVER,
    timeout: 300_000,
    env: { MOCK_CLOCK: 'fixed', MOCK_LOG_PINS: '0', BUNDLE_REPORT: `${root}dist/bundle-report.json` },
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
