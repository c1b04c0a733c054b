import type { Page } from '@playwright/test'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { expectedInstallEdges, loadKitCharts, regionOfInstallJob, type KitRegion } from '../kitEdges.ts'
import { JobDetailPage } from '../pages/JobDetailPage.ts'
import { JobsPage, jobNameOfHref } from '../pages/JobsPage.ts'

/**
 * Issue 16 item 8: one deployment read from both consoles shows the same jobs and the same dependency
 * edges, and every region keeps its own edges as the bootstrap-kit fixture declares them. Everything is
 * read from what the pages show (the jobs table's links, a job page's "Depends on" list, the graph's
 * accessible name), never from the API the pages load.
 */

// Tall enough for the jobs table to render every row of a three-region run at once (no scrolling).
test.use({ viewport: { width: 1440, height: 7200 } })

/** Job name → its dependencies as shown: the table's links, completed from the job page when cut short. */
async function shownEdges(page: Page, where: { deploymentId: string; origin?: string }) {
  const jobs = new JobsPage(page)
  await jobs.goto(where)
  const rows = await jobs.readRows()
  const detail = new JobDetailPage(page)
  for (const [name, row] of rows) {
    if (!row.more) continue
    await detail.goto({ ...where, jobName: name })
    const list = page.getByRole('region', { name: 'Depends on' }).getByRole('link')
    await expect(list).toHaveCount(row.deps.length + row.more)
    row.deps = (await list.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).map(jobNameOfHref)
    row.more = 0
  }
  return new Map([...rows].map(([name, row]) => [name, { region: row.region, deps: row.deps.sort() }]))
}

/** The graph at full depth, as its canvas announces itself ("…, N nodes and M dependencies shown"). */
async function graphLabel(page: Page, path: string): Promise<string> {
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(`${path}?view=graph&depth=all`)
  const canvas = page.getByRole('application', { name: /^Provisioning graph/ })
  await expect(canvas).toHaveAccessibleName(
    /^Provisioning graph, [1-9]\d* nodes and [1-9]\d* dependencies shown$/,
  )
  return (await canvas.getAttribute('aria-label')) ?? ''
}

test('a deployment shows the same jobs, edges and graph in the mothership and in its own Sovereign console', async ({
  page,
  signIn,
  baseURL,
}) => {
  test.setTimeout(180_000)
  const { id, fqdn } = ESTATE.adopted
  const origin = sovereignOrigin(baseURL!, fqdn)
  await signIn()
  await signIn({ origin })

  const mothership = await shownEdges(page, { deploymentId: id })
  const sovereign = await shownEdges(page, { deploymentId: id, origin })
  expect(mothership.size).toBeGreaterThan(130)
  expect(Object.fromEntries(sovereign)).toEqual(Object.fromEntries(mothership))

  // The graph at full depth draws as many nodes and dependencies in both.
  const graphHere = await graphLabel(page, `/provision/${id}/jobs`)
  expect(await graphLabel(page, `${origin}/jobs`)).toBe(graphHere)
})

test('each region of a three-region run keeps its own dependency edges, as the fixture declares them', async ({
  page,
  signIn,
}) => {
  test.setTimeout(120_000)
  // Still installing: secondaries wait on their own jobs, never on the primary's.
  const { id } = ESTATE.live
  const regions: KitRegion[] = [
    { key: 'fsn1', primary: true },
    { key: 'nbg1-1', primary: false },
    { key: 'sin-2', primary: false },
  ]
  const expected = expectedInstallEdges(loadKitCharts(), regions, 'hetzner')
  await signIn()
  const shown = await shownEdges(page, { deploymentId: id })

  const installs = [...shown].filter(([name]) => name.startsWith('install-'))
  expect(Object.fromEntries(installs.map(([name, row]) => [name, row.deps]))).toEqual(
    Object.fromEntries(expected),
  )
  // The Region column agrees with each job's name: the primary's are "primary", the rest by key.
  for (const [name, row] of installs) {
    const key = regionOfInstallJob(name, regions)
    expect(row.region, name).toBe(key === 'fsn1' ? 'primary' : key)
  }
})
