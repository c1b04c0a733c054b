import { ESTATE, expect, expectHeading, test } from '../fixtures.ts'
import { JobDetailPage } from '../pages/JobDetailPage.ts'
import { LoginPage } from '../pages/LoginPage.ts'
import { OverviewPage } from '../pages/OverviewPage.ts'

/**
 * `CATALYST_API_URL=… npm run dev` in front of `npm run mock` on another port. The mock here answers only
 * catalyst-api's own paths (the mothership's /sovereign/api must be stripped by the proxy) and scopes its
 * cookies to another domain (the dev proxy must give the browser a cookie for the console's host).
 */

test('sign-in with a PIN: the session cookie is the console’s own, host-only', async ({
  page,
  mockApi,
  context,
}) => {
  const login = new LoginPage(page)
  await page.goto('/deployments')
  await expect(page).toHaveURL(/\/login\?next=/)
  await login.signInWithPin(mockApi)
  await expectHeading(page, 'Deployments')
  const cookies = await context.cookies()
  const session = cookies.find((c) => c.name === 'catalyst_session')
  expect(session, 'the sign-in cookie was accepted').toBeTruthy()
  expect(session!.domain).toBe('localhost')
  expect(session!.httpOnly).toBe(true)
})

test('a live stream through the proxy: the overview’s log moves as the API writes', async ({
  page,
  signIn,
  mockApi,
}) => {
  await signIn()
  const overview = new OverviewPage(page)
  await overview.goto(ESTATE.live.id)
  await expect(overview.liveLog()).toContainText(/Live — [\d,]+ events\./)
  const count = async () =>
    Number(
      /Live — ([\d,]+) events/.exec((await overview.liveLog().textContent()) ?? '')?.[1]?.replace(/,/g, ''),
    )
  const before = await count()
  await mockApi.advance(10 * 60_000)
  await expect.poll(count).toBeGreaterThan(before)
})

test('a mutation through the proxy: retrying a failed job runs it again', async ({ page, signIn }) => {
  await signIn()
  const detail = new JobDetailPage(page)
  // Under the mothership's /sovereign basepath its API base is /sovereign/api: only a proxy that strips
  // /sovereign reaches this mock.
  await page.goto(`/sovereign/provision/${ESTATE.failedChart.id}/jobs/install-harbor`)
  await expect(detail.heading('install-harbor')).toBeVisible()
  await expect(detail.execution.getByRole('option')).toHaveCount(1)
  const posted = page.waitForRequest(
    (r) => r.method() === 'POST' && r.url().endsWith('/install-harbor/retry'),
  )
  await detail.retry.click()
  expect(new URL((await posted).url()).pathname).toBe(
    `/sovereign/api/v1/deployments/${ESTATE.failedChart.id}/jobs/install-harbor/retry`,
  )
  await expect(detail.execution.getByRole('option')).toHaveCount(2)
  await expect(detail.log.getByRole('listitem').first()).toContainText('manual retry requested')
})
