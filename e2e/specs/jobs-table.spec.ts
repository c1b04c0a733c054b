import type { APIRequestContext } from '@playwright/test'
import { ESTATE, expect, expectHeading, sovereignOrigin, test } from '../fixtures.ts'
import { JobDetailPage } from '../pages/JobDetailPage.ts'
import { JobsPage } from '../pages/JobsPage.ts'

interface WireJob {
  id: string
  jobName: string
  type: string
  status: string
  region?: string
  appId?: string
}

async function apiJobs(request: APIRequestContext, deploymentId: string): Promise<WireJob[]> {
  const res = await request.get(`/api/v1/deployments/${deploymentId}/jobs`)
  expect(res.ok()).toBe(true)
  return ((await res.json()) as { jobs: WireJob[] }).jobs.filter((j) => j.type !== 'group')
}

test.describe('jobs table', () => {
  test('filters, search and sort live in the URL and the count says what it counts', async ({
    page,
    signIn,
  }) => {
    await signIn()
    const jobs = new JobsPage(page)
    const leaves = await apiJobs(page.request, ESTATE.live.id)
    const running = leaves.filter((j) => j.status === 'running')
    expect(running.length).toBeGreaterThan(3)

    await jobs.goto({ deploymentId: ESTATE.live.id })
    await expect(jobs.count).toHaveText(`${leaves.length} jobs`)

    await jobs.status.selectOption('running')
    await expect(page).toHaveURL(/[?&]status=running/)
    await expect(jobs.count).toHaveText(`Showing ${running.length} of ${leaves.length} jobs`)
    await expect(jobs.table.getByRole('row').filter({ hasText: 'Pending' })).toHaveCount(0)

    await jobs.region.selectOption('nbg1-1')
    await expect(page).toHaveURL(/[?&]region=nbg1-1/)
    const inRegion = running.filter((j) => j.region === 'nbg1-1')
    await expect(jobs.count).toHaveText(`Showing ${inRegion.length} of ${leaves.length} jobs`)

    await jobs.sortBy('Name')
    await expect(page).toHaveURL(/[?&]sort=name&dir=asc/)
    await expect(jobs.columnHeader('Name')).toHaveAttribute('aria-sort', 'ascending')
    const asc = inRegion.map((j) => j.jobName).sort((a, b) => a.localeCompare(b))
    await expect.poll(() => jobs.jobNames()).toEqual(asc)
    await jobs.sortBy('Name')
    await expect(page).toHaveURL(/[?&]sort=name&dir=desc/)
    await expect(jobs.columnHeader('Name')).toHaveAttribute('aria-sort', 'descending')
    await expect.poll(() => jobs.jobNames()).toEqual([...asc].reverse())

    // Search covers names and dependencies; the state round-trips through a shared link.
    await jobs.search.fill('cnpg')
    await expect(page).toHaveURL(/[?&]q=cnpg/)
    const shared = page.url()
    await page.goto('about:blank')
    await page.goto(shared)
    await expect(jobs.search).toHaveValue('cnpg')
    await expect(jobs.status).toHaveValue('running')
    await expect(jobs.region).toHaveValue('nbg1-1')
    await expect(jobs.columnHeader('Name')).toHaveAttribute('aria-sort', 'descending')
    const names = await jobs.jobNames()
    expect(names.length).toBeGreaterThan(0)
    for (const n of names) expect(n.startsWith('install-nbg1-1:')).toBe(true)
  })

  test('the default order puts running jobs first, then pending ones', async ({ page, signIn }) => {
    await signIn()
    const jobs = new JobsPage(page)
    await jobs.goto({ deploymentId: ESTATE.live.id })
    const statuses = await jobs.table
      .getByRole('row')
      .filter({ has: page.getByRole('cell') })
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))
    const firstNonRunning = statuses.findIndex((s) => s !== 'running')
    expect(firstNonRunning).toBeGreaterThan(0)
    expect(statuses.slice(firstNonRunning).includes('running')).toBe(false)
    expect(statuses[firstNonRunning]).toBe('pending')
  })

  test('group by phase shows rolled-up status and counts, and groups collapse (in the URL)', async ({
    page,
    signIn,
  }) => {
    await signIn()
    const jobs = new JobsPage(page)
    await jobs.goto({ deploymentId: ESTATE.live.id })
    await jobs.groupBy.selectOption('phase')
    await expect(page).toHaveURL(/[?&]group=phase/)
    const provision = jobs.groupToggle(/Provision/)
    await expect(provision).toHaveAttribute('aria-expanded', 'true')
    const provisionHeader = jobs.groupRow(/Provision/)
    await expect(provisionHeader).toContainText('Succeeded')
    await expect(provisionHeader).toContainText('5 jobs')
    await expect(jobs.groupRow(/Bootstrap/)).toContainText('Running')
    await expect(jobs.jobLink('tofu-apply')).toBeVisible()
    await provision.click()
    await expect(page).toHaveURL(/[?&]collapsed=provisioner/)
    await expect(provision).toHaveAttribute('aria-expanded', 'false')
    await expect(jobs.jobLink('tofu-apply')).toHaveCount(0)
  })

  test('the Region column and filter exist only on multi-region deployments', async ({ page, signIn }) => {
    await signIn()
    const jobs = new JobsPage(page)
    await jobs.goto({ deploymentId: ESTATE.solo.id })
    await expect(jobs.count).toHaveText(/^\d+ jobs$/)
    await expect(jobs.columnHeader('Status')).toBeVisible()
    await expect(jobs.columnHeader('Region')).toHaveCount(0)
    await expect(jobs.region).toHaveCount(0)

    await jobs.goto({ deploymentId: ESTATE.live.id })
    await expect(jobs.columnHeader('Region')).toBeVisible()
    await jobs.search.fill('install-cilium')
    const primaryRow = jobs.row('install-cilium')
    await expect(primaryRow.getByRole('cell').nth(2)).toHaveText('primary')
    await expect(jobs.region.getByRole('option')).toContainText(['All', 'primary (fsn1)', 'nbg1-1', 'sin-2'])
  })

  test('mothership: a row opens the job at its encoded URL, dependencies link, and Back stays in the tree', async ({
    page,
    signIn,
  }) => {
    await signIn()
    const jobs = new JobsPage(page)
    const detail = new JobDetailPage(page)
    await jobs.goto({ deploymentId: ESTATE.live.id, query: '?q=nbg1-1%3Acilium' })
    await jobs.jobLink('install-nbg1-1:cilium').click()
    await expect(page).toHaveURL(`/provision/${ESTATE.live.id}/jobs/install-nbg1-1%3Acilium`)
    await expect(detail.heading('install-nbg1-1:cilium')).toBeVisible()
    await expect(page.getByRole('region', { name: 'Needed by' }).getByRole('link').first()).toBeVisible()

    // A dependent's link leads to that job; its dependency list links back.
    const dependent = page.getByRole('region', { name: 'Needed by' }).getByRole('link').first()
    await dependent.click()
    await expect(page).toHaveURL(new RegExp(`/provision/${ESTATE.live.id}/jobs/install-nbg1-1%3A`))
    await page.getByRole('region', { name: 'Depends on' }).getByRole('link', { name: 'cilium' }).click()
    await expect(page).toHaveURL(`/provision/${ESTATE.live.id}/jobs/install-nbg1-1%3Acilium`)

    await detail.back.click()
    await expect(page).toHaveURL(`/provision/${ESTATE.live.id}/jobs`)
    await expect(jobs.heading).toBeVisible()
  })

  test('Sovereign: the same row → detail → back under /jobs', async ({ page, signIn, baseURL }) => {
    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await signIn({ origin })
    const jobs = new JobsPage(page)
    const detail = new JobDetailPage(page)
    await jobs.goto({ origin })
    await expect(jobs.columnHeader('Region')).toBeVisible()
    await jobs.search.fill('install-nbg1-1:cilium')
    await jobs.jobLink('install-nbg1-1:cilium').click()
    await expect(page).toHaveURL(`${origin}/jobs/install-nbg1-1%3Acilium`)
    await expect(detail.heading('install-nbg1-1:cilium')).toBeVisible()
    await expect(detail.showInGraph).toHaveAttribute('href', /^\/jobs\?view=graph&focus=/)
    await detail.back.click()
    await expect(page).toHaveURL(`${origin}/jobs`)
    await expect(jobs.heading).toBeVisible()
  })

  test('a job that does not exist is a clear page with a way back', async ({ page, signIn }) => {
    await signIn()
    const detail = new JobDetailPage(page)
    await detail.goto({ deploymentId: ESTATE.live.id, jobName: 'install-nope' })
    await expectHeading(page, 'Job not found')
    await expect(page.getByRole('alert')).toContainText('install-nope is not part of this deployment')
    await page.getByRole('alert').getByRole('link', { name: 'Back to jobs' }).click()
    await expect(page).toHaveURL(`/provision/${ESTATE.live.id}/jobs`)
  })

  test('the List | Graph switch sets and removes ?view=graph and keeps the filters', async ({
    page,
    signIn,
  }) => {
    await signIn()
    const jobs = new JobsPage(page)
    await jobs.goto({ deploymentId: ESTATE.live.id, query: '?status=failed' })
    await jobs.viewSwitch.getByRole('link', { name: 'Graph' }).click()
    await expect(page).toHaveURL(/view=graph/)
    await expect(page).toHaveURL(/status=failed/)
    await expect(jobs.table).toHaveCount(0)
    await expect(jobs.viewSwitch.getByRole('link', { name: 'Graph' })).toHaveAttribute('aria-current', 'page')
    await jobs.viewSwitch.getByRole('link', { name: 'List' }).click()
    await expect(page).not.toHaveURL(/view=graph/)
    await expect(jobs.status).toHaveValue('failed')
  })

  test('live updates keep the scroll position and the selected row', async ({ page, signIn, mockApi }) => {
    await signIn()
    const jobs = new JobsPage(page)
    await jobs.goto({ deploymentId: ESTATE.live.id, query: '?sort=name' })
    const scroller = page.getByTestId('virtual-table-scroll')
    await scroller.evaluate((el) => (el.scrollTop = 1200))
    const link = jobs.table
      .getByRole('link')
      .filter({ hasText: /^install-nbg1-1:/ })
      .first()
    const name = (await link.textContent())!
    await link.focus()
    await expect(jobs.row(name)).toHaveAttribute('aria-selected', 'true')
    const top = await scroller.evaluate((el) => el.scrollTop)
    const statuses = await jobs.table
      .getByRole('row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')).join())
    await mockApi.advance(120_000)
    await expect
      .poll(
        () =>
          jobs.table
            .getByRole('row')
            .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')).join()),
        {
          timeout: 15_000,
        },
      )
      .not.toBe(statuses)
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(top)
    await expect(jobs.row(name)).toHaveAttribute('aria-selected', 'true')
  })

  test('the job page keeps ?depth and ?folded (from the graph) in its graph and job links', async ({
    page,
    signIn,
  }) => {
    await signIn()
    const detail = new JobDetailPage(page)
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    await detail.goto({
      deploymentId: ESTATE.live.id,
      jobName: 'install-nbg1-1:cnpg',
      suffix: '?depth=2&folded=c1d2e3f4a5b6c7d8:cutover',
    })
    await expect(detail.heading('install-nbg1-1:cnpg')).toBeVisible()
    await expect(detail.showInGraph).toHaveAttribute(
      'href',
      `/provision/${ESTATE.live.id}/jobs?view=graph&depth=2&folded=${ESTATE.live.id}:cutover&focus=${ESTATE.live.id}:install-nbg1-1:cnpg`,
    )
    const dep = page.getByRole('region', { name: 'Depends on' }).getByRole('link').first()
    await expect(dep).toHaveAttribute('href', /\/jobs\/install-nbg1-1%3A[a-z-]+\?depth=2&folded=/)
    await expect(detail.back).toHaveAttribute('href', /\/jobs\?view=graph&depth=2/)
    expect(requests.filter((u) => u.includes('/deployments//'))).toEqual([])
  })
})
