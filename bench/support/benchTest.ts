import { test as base, expect, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MockApi } from '../../e2e/mockApi.ts'
import { installBenchHelpers, type WatchResult } from './inPage.ts'

export { expect }

/** Where `bench/pages/vite.config.ts` builds the baseline pages (see bench/playwright.config.ts). */
const PAGES = fileURLToPath(new URL('../../node_modules/.cache/bench-pages/', import.meta.url))
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

interface Fixtures {
  mockApi: MockApi
  /** Gives the browser an owner session cookie (the e2e fixture's way, without the PIN round-trip). */
  signIn: () => Promise<void>
}

/**
 * The bench's test: every page gets the in-page measuring helpers before any app code, and `/__bench/*`
 * (the baseline pages) is answered from their separate build, so they share the console's origin (same
 * session cookie, same mock API) without being part of its build. Each test starts from a reset mock.
 */
export const test = base.extend<Fixtures>({
  page: async ({ page, browser }, use, testInfo) => {
    await page.addInitScript(installBenchHelpers)
    await page.route('**/__bench/**', async (route) => {
      const path = new URL(route.request().url()).pathname.replace(/^\/__bench\//, '')
      try {
        const body = readFileSync(`${PAGES}${path}`)
        await route.fulfill({
          status: 200,
          body,
          contentType: TYPES[extname(path)] ?? 'application/octet-stream',
        })
      } catch {
        await route.fulfill({ status: 404, body: 'not built: run the bench webServer command' })
      }
    })
    await testInfo.attach('bench-env', {
      body: JSON.stringify({ browser: `Chromium ${browser.version()}` }),
      contentType: 'application/json',
    })
    await use(page)
  },
  mockApi: async ({ request, baseURL }, use) => {
    const api = new MockApi(request, baseURL!)
    await api.reset()
    await use(api)
  },
  signIn: async ({ page, baseURL, playwright }, use) => {
    await use(async () => {
      const api = await playwright.request.newContext()
      const res = await api.post(`${baseURL}/api/v1/auth/test-session?tier=owner&email=bench%40openova.io`)
      expect(res.ok()).toBe(true)
      const token = /catalyst_session=([^;]+)/.exec(res.headers()['set-cookie'] ?? '')?.[1]
      await api.dispose()
      expect(token, 'session cookie').toBeTruthy()
      await page.context().addCookies([
        {
          name: 'catalyst_session',
          value: token!,
          domain: new URL(baseURL!).hostname,
          path: '/',
          httpOnly: true,
          sameSite: 'Lax',
        },
      ])
    })
  },
})

/** Runs `action` (real input through Playwright) and returns the in-page interval it caused (see inPage.ts). */
export async function timeAction(
  page: Page,
  watch: () => Promise<void>,
  action: () => Promise<void>,
): Promise<WatchResult> {
  await watch()
  await action()
  return page.evaluate(() => window.__bench!.result())
}

/** Frame intervals (ms) of `frames` consecutive animation frames, measured in the page. */
export function frameIntervals(page: Page, frames: number): Promise<number[]> {
  return page.evaluate(
    (n) =>
      new Promise<number[]>((resolve) => {
        const out: number[] = []
        let last = 0
        const step = (t: number) => {
          if (last) out.push(t - last)
          last = t
          if (out.length < n) requestAnimationFrame(step)
          else resolve(out)
        }
        requestAnimationFrame(step)
      }),
    frames,
  )
}

/** Sleeps without spinning the page (a real-time wait the scenario itself needs). */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** When the response of the last request whose URL contains `part` ended (Resource Timing, page clock). */
export function responseEnd(page: Page, part: string): Promise<number | undefined> {
  return page.evaluate((p) => {
    const e = performance
      .getEntriesByType('resource')
      .filter((r) => r.name.includes(p)) as PerformanceResourceTiming[]
    return e.length ? e[e.length - 1]!.responseEnd : undefined
  }, part)
}

/** The console's flow graph has its data, its layout and its first painted frame (the test hook's view). */
export async function flowReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = window.__catalystFlow?.state()
      return !!s && !s.layoutPending && s.firstPaintMs !== undefined
    },
    undefined,
    { timeout: 120_000 },
  )
}
