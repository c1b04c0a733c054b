import type { Page } from '@playwright/test'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { AppsPage } from '../pages/AppsPage.ts'
import { HandoverPrompt } from '../pages/HandoverPrompt.ts'
import { JobsPage } from '../pages/JobsPage.ts'
import { OverviewPage } from '../pages/OverviewPage.ts'

/**
 * Issue 16 item 3 (regression 51 where operators watch): the handover prompt with its 5 s redirect and
 * "Stay" also on a ready deployment's Apps and Jobs pages, once per deployment, never on a Sovereign.
 */

// These tests are about the prompt itself: the tab has not been prompted for any deployment.
test.use({ handoverPrompts: 'fresh' })

const openConsole = (p: Page) =>
  p.getByRole('main').getByRole('button', { name: 'Open your Sovereign console' })
const stay = (p: Page) => new HandoverPrompt(p).stay

test('the Apps page offers the handover and redirects to the Sovereign after 5 s', async ({
  page,
  signIn,
  baseURL,
}) => {
  await signIn()
  const apps = new AppsPage(page)
  const { id, fqdn } = ESTATE.ready
  await page.goto(`/provision/${id}/apps`)
  await expect(apps.heading).toBeVisible()
  await expect(openConsole(page)).toBeVisible()
  await expect(page.getByText(/Redirecting in [1-5] s…/)).toBeVisible()
  await expect(page).toHaveURL(`${sovereignOrigin(baseURL!, fqdn)}/dashboard`, { timeout: 15_000 })
})

test('the Jobs page offers it once per deployment: Stay there, and Apps and the overview do not count down again', async ({
  page,
  signIn,
}) => {
  await signIn()
  const jobs = new JobsPage(page)
  const { id } = ESTATE.degraded
  await jobs.goto({ deploymentId: id })
  await expect(jobs.heading).toBeVisible()
  await expect(page.getByText(/Redirecting in [1-5] s…/)).toBeVisible()
  await stay(page).click()
  await expect(page.getByText('Automatic redirect cancelled.')).toBeVisible()
  await expect(openConsole(page)).toBeVisible()

  // Same tab, same deployment: no second prompt on Apps (client-side navigation and a fresh load alike).
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Apps', exact: true })
    .click()
  await expect(new AppsPage(page).heading).toBeVisible()
  await expect(openConsole(page)).toHaveCount(0)
  await page.reload()
  await expect(new AppsPage(page).heading).toBeVisible()
  await expect(page.getByRole('article').first()).toBeVisible()
  await expect(openConsole(page)).toHaveCount(0)

  // The overview keeps its button, without a countdown.
  const overview = new OverviewPage(page)
  await overview.goto(id)
  await expect(overview.openConsole()).toBeVisible()
  await expect(page.getByText('The automatic redirect was offered earlier in this tab.')).toBeVisible()
  await expect(overview.stay()).toHaveCount(0)
  await expect(page.getByText(/Redirecting in/)).toHaveCount(0)

  // Another ready deployment is its own prompt.
  await jobs.goto({ deploymentId: ESTATE.ready.id })
  await expect(page.getByText(/Redirecting in [1-5] s…/)).toBeVisible()
  await stay(page).click()
  await expect(page).toHaveURL(new RegExp(`/provision/${ESTATE.ready.id}/jobs$`))
})

test('never on a Sovereign: its Apps and Jobs pages show no handover prompt', async ({
  page,
  signIn,
  baseURL,
}) => {
  // A ready (not yet adopted) Sovereign: its record carries a handover link, yet its own console never
  // offers to hand it over to itself.
  const origin = sovereignOrigin(baseURL!, ESTATE.ready.fqdn)
  await signIn({ origin })
  const jobs = new JobsPage(page)
  await jobs.goto({ origin })
  await expect(jobs.heading).toBeVisible()
  const handoverURL = await page.evaluate(async (id) => {
    const res = await fetch(`/api/v1/deployments/${id}`)
    return ((await res.json()) as { handoverURL?: string }).handoverURL
  }, ESTATE.ready.id)
  expect(handoverURL).toBeTruthy()
  await expect(jobs.table.getByRole('row').nth(1)).toBeVisible()
  await expect(openConsole(page)).toHaveCount(0)
  await page.goto(`${origin}/apps`)
  await expect(new AppsPage(page).heading).toBeVisible()
  await expect(page.getByRole('article').first()).toBeVisible()
  await expect(openConsole(page)).toHaveCount(0)
  await expect(page.getByText(/Redirecting in|is ready$/)).toHaveCount(0)
  await expect(page).toHaveURL(`${origin}/apps`)
})

test('replaying a ready run (?at=) never counts down to the Sovereign; back to live offers the handover', async ({
  page,
  signIn,
}) => {
  await signIn()
  const { id } = ESTATE.ready
  const { jobs: list } = (await (await page.request.get(`/api/v1/deployments/${id}/jobs`)).json()) as {
    jobs: { startedAt?: string | null }[]
  }
  const first = Math.min(...list.map((j) => (j.startedAt ? Date.parse(j.startedAt) : Infinity)))
  const at = new Date(first + 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const jobs = new JobsPage(page)
  await jobs.goto({ deploymentId: id, query: `?at=${at}` })
  const bar = page.getByRole('region', { name: 'Replay' })
  await expect(bar).toContainText('Replaying')
  await expect(bar).toContainText('deployment provisioning')
  await expect(jobs.table.getByRole('row').nth(1)).toBeVisible()
  await expect(openConsole(page)).toHaveCount(0)
  await expect(stay(page)).toHaveCount(0)

  await bar.getByRole('button', { name: 'Back to live' }).click()
  await expect(page.getByText(/Redirecting in [1-5] s…/)).toBeVisible()
  await stay(page).click()
  await expect(page.getByText('Automatic redirect cancelled.')).toBeVisible()
})
