import { OverviewPage } from '../pages/OverviewPage.ts'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'

// These tests are about the prompt itself: the tab has not been prompted for any deployment.
test.use({ handoverPrompts: 'fresh' })

test.beforeEach(async ({ signIn, mockApi }) => {
  void mockApi
  await signIn()
})

test('a live deployment shows its phase timeline, per-region progress, recent events and its pages', async ({
  page,
}) => {
  const overview = new OverviewPage(page)
  const { id, fqdn } = ESTATE.live
  await overview.goto(id)
  await expect(overview.heading(fqdn)).toBeVisible()
  await overview.expectStatus('Installing')
  await expect(overview.liveLog()).toContainText(/Live — \d+ events/)
  await expect(overview.step('Bootstrap Flux')).toHaveAccessibleName('Bootstrap Flux: done')
  const regions = overview.regionProgress().getByRole('listitem')
  await expect(regions).toHaveCount(3)
  await expect(regions.nth(0)).toHaveAccessibleName(/^fsn1 \(primary\): \d+\/45 ready, in progress$/)
  await expect(regions.nth(1)).toHaveAccessibleName(/^nbg1-1 \(secondary\): \d+\/44 ready/)
  await expect(regions.nth(2)).toHaveAccessibleName(/^sin-2 \(secondary\)/)
  await expect(overview.region('fsn1').getByRole('progressbar', { name: 'fsn1 installs' })).toHaveAttribute(
    'aria-valuemax',
    '45',
  )
  await expect(overview.step('Handover')).toHaveAccessibleName('Handover: pending')
  // Recent events, newest first, coloured by level; raw lines on request.
  const events = overview.events().getByRole('listitem')
  await expect(events.first()).toBeVisible()
  const before = await events.count()
  await page.getByRole('checkbox', { name: 'Show raw OpenTofu and Helm lines' }).check()
  await expect.poll(() => events.count()).toBeGreaterThanOrEqual(before)
  await expect(overview.events()).toContainText('component-log')

  await expect(overview.pageLink('Jobs')).toHaveAttribute('href', `/provision/${id}/jobs`)
  await expect(overview.pageLink('Flow')).toHaveAttribute('href', `/provision/${id}/jobs?view=graph`)
  await expect(overview.pageLink('Dashboard')).toHaveAttribute('href', `/provision/${id}/dashboard`)
  await expect(overview.pageLink('Cloud')).toHaveAttribute('href', `/provision/${id}/cloud`)
})

test('the overview follows the deployment live as the clock runs', async ({ page, mockApi }) => {
  const overview = new OverviewPage(page)
  await overview.goto(ESTATE.provisioning.id)
  await overview.expectStatus('Provisioning')
  const apply = overview.step('Create servers, networks and load balancers')
  await expect(apply).toHaveAccessibleName(/: in progress$/)
  await expect(overview.step('Read outputs')).toHaveAccessibleName(/: pending$/)
  await mockApi.run(200)
  await expect(apply).toHaveAccessibleName(/: done$/, { timeout: 30_000 })
  await expect(overview.step('Read outputs')).toHaveAccessibleName(/: done$/, { timeout: 30_000 })
  await expect(overview.status()).toHaveText('Installing', { timeout: 30_000 })
  await mockApi.pause()
})

test('a dropped stream shows reconnecting — never failed — and de-duplicates the replayed history', async ({
  page,
  mockApi,
}) => {
  const overview = new OverviewPage(page)
  await overview.goto(ESTATE.live.id)
  await expect(overview.liveLog()).toContainText(/Live — \d+ events/)
  const count = Number(/Live — (\d+) events/.exec((await overview.liveLog().textContent()) ?? '')?.[1])
  expect(count).toBeGreaterThan(100)

  await mockApi.faults({ dropStreamsEveryMs: 700 })
  await expect(overview.liveLog()).toContainText('Reconnecting to the live log', { timeout: 15_000 })
  await expect(overview.liveLog()).toContainText('still running (installing); nothing is lost')
  await overview.expectStatus('Installing')
  await expect(overview.main).not.toContainText('Provisioning failed')
  await expect(overview.timeline().getByText('failed')).toHaveCount(0)

  await mockApi.faults({ dropStreamsEveryMs: 0 })
  await expect(overview.liveLog()).toContainText(/Live — \d+ events/, { timeout: 40_000 })
  // Every reconnect replayed the whole buffer; the clock is paused, so nothing is new.
  await expect(overview.liveLog()).toHaveText(`Live — ${count} events.`)
})

test('handover: "Open your Sovereign console" at once, then the redirect after 5 s lands on the Sovereign', async ({
  page,
  baseURL,
}) => {
  const overview = new OverviewPage(page)
  const { id, fqdn } = ESTATE.ready
  await overview.goto(id)
  await expect(overview.openConsole()).toBeVisible()
  await expect(page.getByText(/Redirecting in [1-5] s…/)).toBeVisible()
  await expect(page).toHaveURL(`/provision/${id}`)
  await expect(page).toHaveURL(`${sovereignOrigin(baseURL!, fqdn)}/dashboard`, { timeout: 15_000 })
})

test('"Stay on this page" cancels the handover redirect; the button still works', async ({
  page,
  baseURL,
}) => {
  const overview = new OverviewPage(page)
  const { id, fqdn } = ESTATE.degraded
  // Timers on Playwright's clock (flowing in real time), so "no redirect after 5 s" is checked by firing
  // every timer due in the next 6 s at once, not by waiting for them.
  await page.clock.install()
  await overview.goto(id)
  await overview.stay().click()
  await expect(page.getByText('Automatic redirect cancelled.')).toBeVisible()
  await page.clock.runFor(6_000)
  await expect(page).toHaveURL(`/provision/${id}`)
  // Degraded secondaries are flagged.
  await expect(overview.region('hel1-2')).toContainText('Degraded')
  await expect(overview.region('hel1-2')).toContainText('failed in this secondary region')
  await overview.openConsole().click()
  await expect(page).toHaveURL(`${sovereignOrigin(baseURL!, fqdn)}/dashboard`, { timeout: 15_000 })
})

test('an adopted deployment redirects its bare overview URL to its own console', async ({
  page,
  baseURL,
}) => {
  await page.goto(`/provision/${ESTATE.adopted.id}`)
  await expect(page).toHaveURL(new RegExp(`^${sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)}/`), {
    timeout: 15_000,
  })
})

test('a failed deployment says so and points at the failed jobs; an unknown id is not found', async ({
  page,
}) => {
  const overview = new OverviewPage(page)
  await overview.goto(ESTATE.failedTofu.id)
  await overview.expectStatus('Failed')
  await expect(overview.main.getByRole('alert')).toContainText('Provisioning failed.')
  await expect(overview.main.getByRole('link', { name: 'Show failed jobs' })).toBeVisible()
  await expect(overview.step('Create servers, networks and load balancers')).toHaveAccessibleName(
    /: failed, 1 error$/,
  )
  await expect(overview.deleteButton()).toBeVisible()

  await overview.goto('0000000000000000')
  await expect(page.getByRole('heading', { level: 1, name: 'Deployment not found' })).toBeVisible()
})

test('fleet: one tile per Sovereign with health, status and regions, linking to each deployment', async ({
  page,
}) => {
  await page.goto('/app/dashboard')
  await expect(page.getByRole('heading', { level: 1, name: 'Fleet' })).toBeVisible()
  const tiles = page.getByRole('list', { name: 'Sovereigns' }).getByRole('listitem')
  // Every Sovereign that still exists (the wiped one does not).
  await expect(tiles).toHaveCount(10)
  await expect(page.getByRole('heading', { name: /10 Sovereigns/ })).toContainText('3 failing')
  const edge = tiles.filter({ has: page.getByRole('link', { name: ESTATE.degraded.fqdn }) })
  await expect(edge).toContainText('Degraded')
  await expect(edge).toContainText('fsn1, nbg1-1, hel1-2')
  const live = tiles.filter({ has: page.getByRole('link', { name: ESTATE.live.fqdn }) })
  await expect(live).toContainText('In progress')
  await expect(live).toContainText('Installing')
  await expect(tiles.filter({ has: page.getByRole('link', { name: ESTATE.wiped.fqdn }) })).toHaveCount(0)
  // The failing ones come first.
  await expect(tiles.first()).toContainText('Failing')
  // The fleet treemap sits below the tiles.
  await expect(page.getByRole('heading', { name: 'Workloads by Sovereign' })).toBeVisible()
  await expect(page.getByRole('group', { name: /^Fleet treemap:/ })).toBeVisible()
  await live.getByRole('link', { name: ESTATE.live.fqdn }).click()
  await expect(page).toHaveURL(`/provision/${ESTATE.live.id}`)
  await expect(new OverviewPage(page).heading(ESTATE.live.fqdn)).toBeVisible()
})

test('deleting the record from the overview shows the report, then returns to the list without it', async ({
  page,
}) => {
  const overview = new OverviewPage(page)
  const { id, fqdn } = ESTATE.failedTofu
  await overview.goto(id)
  await overview.deleteButton().click()
  const dialog = page.getByRole('dialog', { name: `Delete ${fqdn}` })
  await expect(dialog.getByRole('radio', { name: 'Delete record only' })).toBeChecked()
  await dialog.getByLabel(`Type ${fqdn} to confirm`).fill(fqdn)
  await dialog.getByRole('button', { name: 'Delete record only' }).click()
  await expect(dialog.getByRole('heading', { name: 'Record deleted' })).toBeVisible()
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(page).toHaveURL('/deployments')
  await expect(
    page.getByRole('table', { name: 'Deployments' }).getByRole('link', { name: fqdn }),
  ).toHaveCount(0)
})

test('a finished log reopens when the deployment runs again (a retried job)', async ({ page }) => {
  const overview = new OverviewPage(page)
  const { id } = ESTATE.failedChart
  await overview.goto(id)
  await expect(overview.liveLog()).toContainText('Log complete')
  await overview.expectStatus('Failed')
  expect((await page.request.post(`/api/v1/deployments/${id}/jobs/install-harbor/retry`)).ok()).toBe(true)
  // The record is re-read every 15 s while failed; then the stream reopens.
  await expect(overview.status()).toHaveText('Installing', { timeout: 25_000 })
  await expect(overview.liveLog()).toContainText(/Live — \d+ events/)
  await expect(overview.cancelAndWipe()).toBeVisible()
})
