import { test as base, expect, type Page } from '@playwright/test'
import { ESTATE, MockApi } from './mockApi.ts'

export { expect }
export { ESTATE } from './mockApi.ts'

/** `http://console.<fqdn>.localhost:<port>` — the Sovereign console of `fqdn` on the same server. */
export function sovereignOrigin(baseURL: string, fqdn: string): string {
  const u = new URL(baseURL)
  return `${u.protocol}//console.${fqdn}.localhost:${u.port}`
}

/**
 * Console messages a test may legitimately cause: the browser logs every 4xx the console asked for and
 * handled (a 401 probe before sign-in, a 404 page, a 409 refusal). Anything else — a JS error, a 5xx, a
 * React warning — fails the test unless the test allows it.
 */
const ALWAYS_ALLOWED = [/Failed to load resource: the server responded with a status of 4\d\d/]

interface Fixtures {
  mockApi: MockApi
  /** Extra console-error patterns this test expects (fault injection, …). */
  allowConsoleErrors: (patterns: RegExp[]) => void
  /** Signs the browser in on `origin` (default: the mothership) without the PIN round-trip. */
  signIn: (opts?: { origin?: string; email?: string; tier?: string }) => Promise<void>
}

/**
 * The seeded deployments whose handover link exists (ready, handover fired). Their handover prompt (5 s
 * redirect on the overview, Apps and Jobs pages — regression 51) would take most tests of those pages
 * away to the Sovereign; unless a test asks for `handoverPrompts: 'fresh'`, the tab starts as if the
 * operator had already been prompted for them (the console's own "already prompted" memory).
 */
const HANDED_OVER = [ESTATE.ready.id, ESTATE.degraded.id, ESTATE.solo.id]

/**
 * Starts every page of the tab as if the operator had already been prompted for these deployments' handover
 * — for a test that creates a deployment and runs it to `ready`, whose prompt would otherwise take the page
 * away to the Sovereign mid-test. Adds to what the tab already remembers (a reload keeps what the console
 * itself recorded).
 */
export async function markHandoverAlreadyPrompted(page: Page, ids: string[]): Promise<void> {
  await page.addInitScript((add) => {
    try {
      const key = 'cc-handover-prompted'
      const known: unknown = JSON.parse(sessionStorage.getItem(key) ?? '[]')
      const ids = Array.isArray(known) ? known : []
      sessionStorage.setItem(key, JSON.stringify([...new Set([...ids, ...add])]))
    } catch {
      // storage unavailable: the prompt shows, as it would for the operator
    }
  }, ids)
}

export const test = base.extend<
  Fixtures & {
    consoleAllowList: RegExp[]
    consoleGuard: void
    handoverPrompts: 'fresh' | 'already-prompted'
    handoverMemory: void
  }
>({
  handoverPrompts: ['already-prompted', { option: true }],
  handoverMemory: [
    async ({ page, handoverPrompts }, use) => {
      if (handoverPrompts === 'already-prompted') await markHandoverAlreadyPrompted(page, HANDED_OVER)
      await use()
    },
    { auto: true },
  ],
  // Automatic: every test starts from the default estate with a paused clock, whether or not it asks for
  // the control client (state must never leak from one test into the next).
  mockApi: [
    async ({ request, baseURL }, use) => {
      const api = new MockApi(request, baseURL!)
      await api.reset()
      await use(api)
    },
    { auto: true },
  ],

  consoleAllowList: async ({}, use) => {
    await use([...ALWAYS_ALLOWED])
  },
  allowConsoleErrors: async ({ consoleAllowList }, use) => {
    await use((patterns) => consoleAllowList.push(...patterns))
  },
  consoleGuard: [
    async ({ page, consoleAllowList }, use) => {
      const errors: string[] = []
      const record = (text: string) => {
        if (!consoleAllowList.some((re) => re.test(text))) errors.push(text)
      }
      page.on('console', (m) => {
        if (m.type() === 'error') record(m.text())
      })
      page.on('pageerror', (e) => record(`pageerror: ${e.message}`))
      await use()
      expect(errors, 'browser console errors').toEqual([])
    },
    { auto: true },
  ],
  signIn: async ({ page, baseURL, playwright }, use) => {
    await use(async (opts = {}) => {
      const origin = new URL(opts.origin ?? baseURL!)
      const q = new URLSearchParams({
        tier: opts.tier ?? 'owner',
        email: opts.email ?? 'operator@openova.io',
      })
      // Node cannot resolve *.localhost, so the session is created through localhost with the Sovereign's
      // Host header (the mock scopes sessions by host) and handed to the browser as a cookie.
      const api = await playwright.request.newContext()
      const res = await api.post(`${baseURL}/api/v1/auth/test-session?${q}`, {
        headers: { host: origin.host },
      })
      expect(res.ok()).toBe(true)
      const token = /catalyst_session=([^;]+)/.exec(res.headers()['set-cookie'] ?? '')?.[1]
      await api.dispose()
      expect(token, 'session cookie').toBeTruthy()
      await page.context().addCookies([
        {
          name: 'catalyst_session',
          value: token!,
          domain: origin.hostname,
          path: '/',
          httpOnly: true,
          sameSite: 'Lax',
        },
      ])
    })
  },
})

/** Waits until the page's heading (the focused `<h1>`) shows `name`. */
export async function expectHeading(page: Page, name: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
}
