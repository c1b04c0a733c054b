import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { DashboardPage } from '../pages/DashboardPage.ts'
import { JobsPage } from '../pages/JobsPage.ts'
import { LoginPage } from '../pages/LoginPage.ts'

/**
 * The session ends while the operator is deep in a view: sign-in keeps the whole view (path, filters,
 * sort, drill path) in `next`, and returns to exactly it. shell-auth.spec.ts covers a bare page; these are
 * the views whose state lives in search parameters.
 */

test('a filtered, sorted jobs table: the jobs poll meets the 401, sign-in returns to the same filters', async ({
  page,
  signIn,
  mockApi,
  baseURL,
}) => {
  await signIn()
  const jobs = new JobsPage(page)
  const view = `/provision/${ESTATE.live.id}/jobs?status=running&region=nbg1-1&q=cnpg&sort=name&dir=desc`
  await page.goto(view)
  await expect(jobs.heading).toBeVisible()
  await expect(jobs.search).toHaveValue('cnpg')
  const names = await jobs.jobNames()
  expect(names.length).toBeGreaterThan(0)
  const here = page.url()

  await mockApi.expireSessions()
  // The running deployment's jobs are polled every 3 s.
  await expect(page).toHaveURL(/\/login\?/, { timeout: 10_000 })
  const next = new URL(page.url()).searchParams.get('next')
  expect(`${baseURL}${next}`).toBe(here)
  await expect(new LoginPage(page).alert('Your session ended. Sign in again to continue.')).toBeVisible()

  await new LoginPage(page).signInWithPin(mockApi)
  await expect(page).toHaveURL(here)
  await expect(jobs.search).toHaveValue('cnpg')
  await expect(jobs.status).toHaveValue('running')
  await expect(jobs.region).toHaveValue('nbg1-1')
  await expect(jobs.columnHeader('Name')).toHaveAttribute('aria-sort', 'descending')
  await expect.poll(() => jobs.jobNames()).toEqual(names)
})

test('a pivoted, drilled-in treemap on a Sovereign: the idle session check notices, sign-in returns to it', async ({
  page,
  signIn,
  mockApi,
  baseURL,
}) => {
  const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
  await signIn({ origin })
  // The app's own timers run on a controllable clock, so the one-minute session check need not be waited.
  await page.clock.install()
  const dash = new DashboardPage(page)
  await page.goto(`${origin}/dashboard?layers=region,namespace,application&size=memory_request&color=health`)
  await expect(dash.treemap).toBeVisible()
  await dash.drillInto('nbg1-1')
  await expect(page).toHaveURL(/[?&]drill=nbg1-1/)
  await expect(dash.breadcrumb).toContainText('nbg1-1')
  const here = page.url()

  await mockApi.expireSessions()
  await page.clock.fastForward(61_000)
  await expect(page).toHaveURL(/\/login\?/, { timeout: 10_000 })
  expect(`${origin}${new URL(page.url()).searchParams.get('next')}`).toBe(here)

  await new LoginPage(page).signInWithPin(mockApi, 'ops@t126.example')
  await expect(page).toHaveURL(here)
  await expect(dash.layer(1)).toHaveValue('region')
  await expect(dash.layer(3)).toHaveValue('application')
  await expect(dash.size).toHaveValue('memory_request')
  await expect(dash.colour).toHaveValue('health')
  await expect(dash.breadcrumb).toContainText('nbg1-1')
})

test('a deep link into a job log line survives the round trip through sign-in', async ({
  page,
  signIn,
  mockApi,
  baseURL,
}) => {
  await signIn()
  const here = `${baseURL}/provision/${ESTATE.live.id}/jobs/install-nbg1-1%3Acilium?depth=2#L3`
  await page.goto(here)
  await expect(page.getByRole('heading', { level: 1, name: 'install-nbg1-1:cilium' })).toBeVisible()
  await mockApi.expireSessions()
  await expect(page).toHaveURL(/\/login\?/, { timeout: 10_000 })
  await new LoginPage(page).signInWithPin(mockApi)
  await expect(page).toHaveURL(here)
  await expect(
    page
      .getByRole('log', { name: 'Job logs' })
      .getByRole('listitem')
      .filter({ hasText: /^Line 3:/ }),
  ).toHaveAttribute('aria-current', 'location')
})
