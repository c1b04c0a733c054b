import type { Page } from '@playwright/test'
import { armHostileGuards, HOSTILE } from '../hostile.ts'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { LoginPage } from '../pages/LoginPage.ts'
import { OverviewPage } from '../pages/OverviewPage.ts'
import { ShellPage } from '../pages/ShellPage.ts'

/**
 * Every parameter or server value the console navigates to stays on its own origin (or, for the handover,
 * on an http(s) Sovereign console): sign-in `next` (the login and the code page, the "Continue" link of
 * an existing session), the handover error `reason`, notification links, and the handover/console URLs
 * that come from the API. shell-auth.spec.ts covers five classic `next` values; these are the encodings
 * and paths around them.
 */
test.use({ bypassCSP: true })

const EMAIL = 'operator@openova.io'

/** Every main-frame URL the page visits, so a single hop off the origin is caught, not just the last one. */
function recordOrigins(page: Page): Set<string> {
  const origins = new Set<string>()
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame() && f.url() !== 'about:blank') origins.add(new URL(f.url()).origin)
  })
  page.on('request', (r) => {
    if (r.isNavigationRequest()) origins.add(new URL(r.url()).origin)
  })
  return origins
}

const HOSTILE_NEXT = [
  '/\t/evil.com',
  '/%09/evil.com',
  '/%5Cevil.com',
  '/%5C%5Cevil.com',
  '/.%2F/evil.com',
  '/sovereign//evil.com',
  '/sovereign/%2F%2Fevil.com',
  'https:evil.com',
  '//evil.com/%2F..',
  '/\u2028/evil.com',
  '\u202E//moc.live',
  'data:text/html,<script>alert(1)</script>',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  `/${'a/'.repeat(2000)}`,
  '/login?next=//evil.com',
  '/%2e%2e/%2e%2e//evil.com',
]

test('no encoding of next leaves the origin: login, the code page and the existing-session Continue', async ({
  page,
  mockApi,
  baseURL,
  signIn,
}) => {
  test.setTimeout(120_000)
  const origins = recordOrigins(page)
  const login = new LoginPage(page)
  for (const next of HOSTILE_NEXT) {
    await login.goto('', `?next=${encodeURIComponent(next)}`)
    await expect(login.signInHeading).toBeVisible()
    await expect(page.getByText('after you sign in'), next).toHaveCount(0)
    // The code page carries next along; straight to it with the hostile value.
    await page.goto(
      `/login/verify?email=${encodeURIComponent(EMAIL)}&requestId=x&next=${encodeURIComponent(next)}`,
    )
    await expect(login.codeHeading).toBeVisible()
  }
  // Signing in with the most tempting one lands on the mode's default page.
  await login.goto('', `?next=${encodeURIComponent('/%5Cevil.com')}`)
  await login.signInWithPin(mockApi)
  await expect(page).toHaveURL(`${baseURL}/wizard`)

  // Already signed in: the "Continue" link is the sanitised landing, never the raw value.
  await signIn()
  for (const next of HOSTILE_NEXT) {
    await login.goto('', `?next=${encodeURIComponent(next)}`)
    await expect(login.alreadySignedIn).toBeVisible()
    const href = (await login.continue.getAttribute('href')) ?? ''
    expect(new URL(href, baseURL).origin, next).toBe(new URL(baseURL!).origin)
    expect(href, next).toMatch(/^\/(?!\/)/)
  }
  await login.continue.click()
  await expect(page).toHaveURL(`${baseURL}/wizard`)
  expect([...origins]).toEqual([new URL(baseURL!).origin])
})

test('the same on a Sovereign console, and the handover error reason is only ever text', async ({
  page,
  mockApi,
  baseURL,
}) => {
  const guard = await armHostileGuards(page)
  const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
  const origins = recordOrigins(page)
  const login = new LoginPage(page)
  await login.goto(origin, `?next=${encodeURIComponent('/sovereign//evil.com')}`)
  await login.signInWithPin(mockApi, 'ops@t126.example')
  await expect(page).toHaveURL(`${origin}/dashboard`)

  for (const reason of [
    'https://evil.com',
    HOSTILE.js,
    HOSTILE.img,
    `${HOSTILE.rtl} token expired`,
    'x'.repeat(4000),
    'y'.repeat(5000),
  ]) {
    await page.goto(`${origin}/auth/handover-error?reason=${encodeURIComponent(reason)}`)
    const alert = page.getByRole('alert')
    if (reason.length > 4096) {
      // Over-long: dropped, not echoed.
      await expect(alert).toHaveText('The handover link was invalid.')
    } else {
      // Attacker text is never echoed: only the server's known reasons are shown.
      await expect(alert).toHaveText('The handover link was rejected.')
    }
    // The only way on is the sign-in page of this console.
    const hrefs = await page
      .getByRole('main')
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
    expect(hrefs.length).toBeGreaterThan(0)
    for (const h of hrefs) expect(new URL(h).origin, reason).toBe(origin)
    await guard.expectInert(`handover error: ${reason.slice(0, 30)}`)
  }
  expect([...origins].sort()).toEqual([origin])
})

test('a notification link cannot point off the origin, even when stored notifications were tampered with', async ({
  page,
  signIn,
  baseURL,
}) => {
  await signIn()
  const origins = recordOrigins(page)
  const shell = new ShellPage(page)
  await page.goto('/deployments')
  for (const [i, href] of [
    '/\\evil.com',
    '//evil.com',
    'https://evil.com',
    HOSTILE.js,
    '/\t/evil.com',
  ].entries())
    await shell.raiseNotification({ id: `n${i}`, level: 'info', title: `Link ${i}`, ...{ href } })
  await shell.raiseNotification({
    id: 'ok',
    level: 'info',
    title: 'Fine',
    ...{ href: `/provision/${ESTATE.ready.id}` },
  })
  // A notification stored by an older build (or edited by hand) is checked again when it is read back.
  await page.evaluate(() => {
    const raw = JSON.parse(sessionStorage.getItem('cc-notifications') ?? '[]') as unknown[]
    raw.push({ id: 'stored', level: 'info', title: 'Stored', createdAt: 1, href: '/\\evil.com' })
    sessionStorage.setItem('cc-notifications', JSON.stringify(raw))
  })
  await page.reload()
  await shell.openNotifications()
  await expect(shell.notificationItems()).toHaveCount(7)
  const links = shell.notifications.getByRole('list', { name: 'Recent notifications' }).getByRole('link')
  const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))
  for (const h of hrefs) expect(new URL(h).origin, h).toBe(new URL(baseURL!).origin)
  // Following any of them stays on this console.
  for (let i = 0; i < hrefs.length; i++) {
    await page.goto('/deployments')
    await shell.openNotifications()
    await links.nth(i).click()
    await expect(shell.notifications).toBeHidden()
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin)
  }
  expect([...origins]).toEqual([new URL(baseURL!).origin])
})

test('a handover or console URL from the API is followed only when it is an http(s) Sovereign console', async ({
  page,
  signIn,
  baseURL,
}) => {
  const guard = await armHostileGuards(page)
  await signIn()
  const origins = recordOrigins(page)
  const { id } = ESTATE.ready
  // The record, its live stream and a freshly minted link all say the handover is at a script URL.
  const real = (await (await page.request.get(`/api/v1/deployments/${id}`)).json()) as Record<string, unknown>
  const state = { ...real, handoverURL: HOSTILE.js }
  await page.route(`**/api/v1/deployments/${id}`, (route) => route.fulfill({ json: state }))
  await page.route(`**/api/v1/deployments/${id}/logs`, (route) =>
    route.fulfill({
      contentType: 'text/event-stream',
      body:
        `event: handover-ready\ndata: ${JSON.stringify({ handoverURL: HOSTILE.js })}\n\n` +
        `event: done\ndata: ${JSON.stringify(state)}\n\n`,
    }),
  )
  await page.route(`**/api/v1/deployments/${id}/mint-handover-token`, (route) =>
    route.fulfill({ json: { token: 'x', redirectURL: HOSTILE.js } }),
  )
  const overview = new OverviewPage(page)
  // Timers on Playwright's clock (flowing in real time): "no redirect" is checked by firing every timer due
  // in the next 6 s (longer than the 5 s automatic redirect) at once, not by waiting.
  await page.clock.install()
  await overview.goto(id)
  await expect(overview.heading(ESTATE.ready.fqdn)).toBeVisible()
  // The record's script URL is never a link on the page; pressing the button mints one, and a minted
  // script URL is refused in words, not followed.
  await expect(page.locator('[href^="javascript:" i]')).toHaveCount(0)
  await overview.openConsole().click()
  await expect(overview.main.getByRole('alert')).toHaveText(
    'The handover link catalyst-api answered was not followed: it is not a plain https address.',
  )
  await expect(overview.main.getByRole('button', { name: 'Retry' })).toBeVisible()
  await page.clock.runFor(6_000)
  await expect(page).toHaveURL(`${baseURL}/provision/${id}`)
  await guard.expectInert('handover with a script URL')

  // An adopted record whose FQDN is not a host name is not redirected to whatever URL it spells.
  const adopted = ESTATE.degraded.id
  const record = (await (await page.request.get(`/api/v1/deployments/${adopted}`)).json()) as Record<
    string,
    unknown
  >
  await page.route(`**/api/v1/deployments/${adopted}`, (route) =>
    route.fulfill({
      json: { ...record, status: 'adopted', adoptedAt: record.startedAt, sovereignFQDN: 'evil.example/x?' },
    }),
  )
  await overview.goto(adopted)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await page.clock.runFor(6_000)
  await expect(page).toHaveURL(`${baseURL}/provision/${adopted}`)
  expect([...origins]).toEqual([new URL(baseURL!).origin])
})
