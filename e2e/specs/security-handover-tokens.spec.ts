import type { Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from '../axe.ts'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { OverviewPage } from '../pages/OverviewPage.ts'

/**
 * Issue 15 item 3: a handover link signs its holder in as the Sovereign's owner. The console keeps none
 * until the operator asks (not in the DOM, the query cache, storage, history or the console), mints one
 * per press of "Open your Sovereign console", follows it only to `console.<that fqdn>/auth/handover`,
 * and says in words when the API refuses (409 after adoption) or the Sovereign does (expired, reused).
 * The overview tab starts already prompted (fixture default): no 5 s redirect, the button only.
 */

const { id, fqdn } = ESTATE.ready
const MINT = `/api/v1/deployments/${id}/mint-handover-token`

/** Where this page could keep a handover token (any `token=`, any `/auth/handover?` link). */
async function tokenTraces(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __catalystQueryCacheDump?: () => string }
    const has = (s: string) => s.includes('token=') || s.includes('/auth/handover?')
    return {
      dom: has(document.documentElement.outerHTML),
      localStorage: has(JSON.stringify({ ...localStorage })),
      sessionStorage: has(JSON.stringify({ ...sessionStorage })),
      history: has(JSON.stringify(history.state ?? null)),
      url: has(location.href),
      queryCache: has(w.__catalystQueryCacheDump?.() ?? ''),
      probeInstalled: typeof w.__catalystQueryCacheDump === 'function',
    }
  })
}

/** Presses Tab until `name`'s button has the focus (the keyboard path to it). */
async function tabTo(page: Page, name: string) {
  const target = page.getByRole('main').getByRole('button', { name })
  for (let i = 0; i < 25 && !(await target.evaluate((b) => b === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(target).toBeFocused()
}

/** A fresh handover landing for the ready deployment, minted with the browser's operator session. */
async function mintLanding(page: Page): Promise<string> {
  const res = await page.request.post(MINT)
  expect(res.status()).toBe(200)
  const url = new URL(((await res.json()) as { redirectURL: string }).redirectURL)
  return url.pathname + url.search
}

test.beforeEach(async ({ signIn }) => {
  await signIn()
})

test('no token is kept until the operator asks; the button (keyboard) mints one and lands on the Sovereign', async ({
  page,
  baseURL,
}) => {
  const mints: string[] = []
  const messages: string[] = []
  const committed: string[] = []
  page.on('request', (r) => {
    if (r.url().endsWith(MINT)) mints.push(r.method())
  })
  page.on('console', (m) => messages.push(m.text()))
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) committed.push(f.url())
  })
  // The wire does carry a token on every read of this record (upstream re-mints it per GET).
  const raw = (await (await page.request.get(`/api/v1/deployments/${id}`)).json()) as { handoverURL?: string }
  expect(raw.handoverURL).toContain('/auth/handover?token=')

  const overview = new OverviewPage(page)
  await overview.goto(id)
  await expect(overview.openConsole()).toBeVisible()
  await expect(page.getByText('The automatic redirect was offered earlier in this tab.')).toBeVisible()
  // The record and the stream have been read (the timeline shows the handover), yet nothing holds a link.
  await expect(overview.step('Handover')).toHaveAccessibleName(/^Handover: done/)
  expect(await tokenTraces(page)).toEqual({
    dom: false,
    localStorage: false,
    sessionStorage: false,
    history: false,
    url: false,
    queryCache: false,
    probeInstalled: true,
  })
  expect(mints).toEqual([])
  await expectNoSeriousA11yViolations(page, 'handover banner')

  await tabTo(page, 'Open your Sovereign console')
  await page.keyboard.press('Enter')
  const origin = sovereignOrigin(baseURL!, fqdn)
  await expect(page).toHaveURL(`${origin}/dashboard`)
  expect(mints).toEqual(['POST'])
  // The landing 302s: no page with the token in its address was ever committed (history), nor logged.
  expect(committed.filter((u) => u.includes('token='))).toEqual([])
  expect(messages.filter((m) => m.includes('token='))).toEqual([])
})

test("a minted link to anything but this deployment's console is refused in words and not followed; Retry mints anew", async ({
  page,
  baseURL,
}) => {
  const port = new URL(baseURL!).port
  const sibling = `${sovereignOrigin(baseURL!, 'other.omani.works')}/auth/handover?token=a.b.c`
  await page.route(`**${MINT}`, (route) => route.fulfill({ json: { token: 'a.b.c', redirectURL: sibling } }))
  const overview = new OverviewPage(page)
  await overview.goto(id)
  await tabTo(page, 'Open your Sovereign console')
  await page.keyboard.press('Enter')
  await expect(overview.main.getByRole('alert')).toHaveText(
    `The handover link catalyst-api answered was not followed: it points to console.other.omani.works.localhost:${port}, not to console.${fqdn}.`,
  )
  await expect(page).toHaveURL(`${baseURL}/provision/${id}`)
  // The keyboard stays on the same control, now Retry.
  await expect(overview.main.getByRole('button', { name: 'Retry' })).toBeFocused()
  await expectNoSeriousA11yViolations(page, 'handover link refused')

  await page.unroute(`**${MINT}`)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`${sovereignOrigin(baseURL!, fqdn)}/dashboard`)
})

test('once the customer has adopted the Sovereign, no new link is minted: the 409 in words, and its own sign-in', async ({
  page,
  baseURL,
  playwright,
}) => {
  const origin = sovereignOrigin(baseURL!, fqdn)
  // The tab's copy of the record is from before the adoption (it re-reads it only every minute; a re-read
  // that sees `adopted` takes the tab to the Sovereign's console, which another test covers).
  const stale = (await (await page.request.get(`/api/v1/deployments/${id}`)).json()) as object
  await page.route(`**/api/v1/deployments/${id}`, (route) => route.fulfill({ json: stale }))
  const overview = new OverviewPage(page)
  await overview.goto(id)
  await expect(overview.openConsole()).toBeVisible()
  // Meanwhile the customer follows a handover link (on their own machine): the Sovereign is adopted.
  const customer = await playwright.request.newContext()
  const landed = await customer.get(`${baseURL}${await mintLanding(page)}`, {
    headers: { host: new URL(origin).host },
    maxRedirects: 0,
  })
  expect([landed.status(), landed.headers().location]).toEqual([302, '/dashboard'])
  await customer.dispose()

  const minted: number[] = []
  page.on('response', (r) => {
    if (r.url().endsWith(MINT)) minted.push(r.status())
  })
  await tabTo(page, 'Open your Sovereign console')
  await page.keyboard.press('Enter')
  await expect(overview.main.getByRole('alert')).toHaveText(
    'No new handover link: the customer has already taken this Sovereign over, and a handover link works only until then.',
  )
  expect(minted).toEqual([409])
  await expect(page).toHaveURL(`${baseURL}/provision/${id}`)
  // The way on: the Sovereign console's own sign-in, without a token, focused in place of the button.
  const signInThere = overview.main.getByRole('link', { name: `Sign in to ${fqdn}` })
  await expect(signInThere).toBeFocused()
  await expect(signInThere).toHaveAttribute('href', `${origin}/`)
  await expectNoSeriousA11yViolations(page, 'handover after adoption')
})

test('an expired or reused handover link ends on a readable error page with a way on', async ({
  page,
  baseURL,
  mockApi,
}) => {
  const origin = sovereignOrigin(baseURL!, fqdn)
  const alert = page.getByRole('alert')
  const heading = page.getByRole('heading', { level: 1, name: 'The handover link did not work' })

  // Held for longer than 5 minutes (the mock's virtual clock): expired, and the Sovereign is not adopted.
  const stale = await mintLanding(page)
  await mockApi.advance(5 * 60_000 + 1_000)
  await page.goto(`${origin}${stale}`)
  await expect(page).toHaveURL(`${origin}/auth/handover-error?reason=token%20expired`)
  await expect(heading).toBeVisible()
  await expect(alert).toContainText('This handover link has expired. Links are valid for 5 minutes.')

  // A fresh link signs in once; the same link again (signed out) is refused as used.
  const fresh = await mintLanding(page)
  await page.goto(`${origin}${fresh}`)
  await expect(page).toHaveURL(`${origin}/dashboard`)
  await page.context().clearCookies({ domain: new URL(origin).hostname })
  await page.goto(`${origin}${fresh}`)
  await expect(page).toHaveURL(`${origin}/auth/handover-error?reason=token%20already%20used`)
  await expect(heading).toBeVisible()
  await expect(alert).toContainText('This handover link was already used. Each link signs in once.')
  await expect(page.getByText('Open the deployment on the mothership console to get a fresh')).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'handover link reused')

  const signInHere = page.getByRole('link', { name: 'Sign in with email' })
  for (let i = 0; i < 25 && !(await signInHere.evaluate((a) => a === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(signInHere).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`${origin}/login`)
})
