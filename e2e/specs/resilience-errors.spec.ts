import type { Page } from '@playwright/test'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { DeleteDialog, DeploymentsPage } from '../pages/DeploymentsPage.ts'
import { JobDetailPage } from '../pages/JobDetailPage.ts'
import { ShellPage } from '../pages/ShellPage.ts'
import { UserAccessFormPage } from '../pages/UsersPage.ts'

/**
 * A failing API: every page says what failed and offers a Retry (never a blank page), recovers fully with
 * it, and mutations attempted while 30 % of requests fail take effect at most once.
 */

const FAULT_WINDOW_MS = 60_000
const live = ESTATE.live.id
const ready = ESTATE.ready.id

/** Every page of the mothership with data of its own, and what shows it loaded. */
const PAGES: [string, (p: Page) => Promise<void>][] = [
  ['/deployments', (p) => expect(p.getByRole('table', { name: 'Deployments' })).toBeVisible()],
  ['/app/dashboard', (p) => expect(p.getByRole('list', { name: 'Sovereigns' })).toBeVisible()],
  [`/provision/${live}`, (p) => expect(p.getByRole('list', { name: 'Phase timeline' })).toBeVisible()],
  [`/provision/${live}/jobs`, (p) => expect(p.getByRole('table', { name: 'Jobs' })).toBeVisible()],
  [
    `/provision/${live}/jobs?view=graph`,
    (p) => expect(p.getByRole('application', { name: /^Provisioning graph/ })).toBeVisible(),
  ],
  [
    `/provision/${live}/jobs/timeline`,
    (p) => expect(p.getByRole('group', { name: 'Job bars' })).toBeVisible(),
  ],
  [
    `/provision/${live}/jobs/tofu-apply`,
    (p) => expect(p.getByRole('log', { name: 'Job logs' })).toBeVisible(),
  ],
  [`/provision/${ready}/dashboard`, (p) => expect(p.getByRole('group', { name: /^Treemap:/ })).toBeVisible()],
  [
    `/provision/${ready}/cloud`,
    (p) => expect(p.getByRole('group', { name: 'Architecture graph' })).toBeVisible(),
  ],
  [`/provision/${ready}/apps`, (p) => expect(p.getByRole('list', { name: 'Applications' })).toBeVisible()],
  [
    `/provision/${ready}/app/bp-cilium`,
    (p) => expect(p.getByRole('table', { name: 'Status per region' })).toBeVisible(),
  ],
  [`/provision/${ready}/users`, (p) => expect(p.getByRole('table', { name: 'User access' })).toBeVisible()],
  [
    `/provision/${ready}/users/sre-oncall`,
    (p) => expect(p.getByRole('button', { name: 'Save changes' })).toBeVisible(),
  ],
]

/**
 * Never blank: the frame with something readable in it, or — when even the session check failed — a
 * full-page error that says so, with a Retry.
 */
async function expectNotBlank(page: Page, where: string): Promise<void> {
  const frame = page.getByRole('navigation', { name: 'Main' })
  const pageError = page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Retry' }) })
  await expect(frame.or(pageError).first(), where).toBeVisible()
  await expect
    .poll(async () => (await page.locator('body').innerText()).trim().length, { message: where })
    .toBeGreaterThan(20)
}

/** Fails every API call except the session check, so each page's own error handling shows. */
async function failData(page: Page): Promise<void> {
  await page.route(
    (url) =>
      url.pathname.startsWith('/api/v1/') && !/^\/api\/v1\/(whoami|sovereign\/self)$/.test(url.pathname),
    (route) =>
      route.fulfill({
        status: 503,
        json: { error: 'unavailable', detail: 'catalyst-api is restarting (test)' },
      }),
  )
}

test('every page that cannot load says so readably with a Retry, inside the frame, and recovers with it', async ({
  page,
  signIn,
  allowConsoleErrors,
}) => {
  // A full minute of faults by design, plus some 40 page loads and four mutations retried until one gets
  // through: on a loaded two-core machine that alone can take two minutes, so the budget leaves room.
  test.setTimeout(300_000)
  allowConsoleErrors([/status of 503/])
  await signIn()
  for (const [path, loaded] of PAGES) {
    await failData(page)
    await page.goto(path)
    // Queries retry twice with backoff (≈ 2.4 s) before the page gives up and says so.
    const alert = page
      .getByRole('main')
      .getByRole('alert')
      .filter({ has: page.getByRole('button', { name: 'Retry' }) })
    await expect(alert.first(), `${path}: a readable error with Retry`).toBeVisible({ timeout: 20_000 })
    await expect(alert.first(), path).toContainText(/\S{3,}/)
    await expectNotBlank(page, path)
    await page.unrouteAll({ behavior: 'ignoreErrors' })
    // A page may show more than one failed panel, each with its own Retry; one Retry may also refetch
    // (and so remove) another panel's error — click the first remaining one until none is left.
    const retries = alert.getByRole('button', { name: 'Retry' })
    while ((await retries.count()) > 0)
      await retries
        .first()
        .click({ timeout: 2000 })
        .catch(() => undefined)
    await loaded(page)
    await expect(
      page
        .getByRole('main')
        .getByRole('alert')
        .filter({ has: page.getByRole('button', { name: 'Retry' }) }),
    ).toHaveCount(0)
  }
})

test('30 % of requests fail for a while: pages stay readable, mutations happen at most once, then all recovers', async ({
  page,
  signIn,
  mockApi,
  baseURL,
  allowConsoleErrors,
}) => {
  // A full minute of faults by design, plus some 40 page loads and four mutations retried until one gets
  // through: on a loaded two-core machine that alone can take two minutes, so the budget leaves room.
  test.setTimeout(300_000)
  allowConsoleErrors([/status of 503/])
  await signIn()
  const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
  await signIn({ origin })
  const posts: { method: string; path: string; status: number }[] = []
  page.on('response', (r) => {
    const m = r.request().method()
    if (m !== 'GET' && new URL(r.url()).pathname.startsWith('/api/v1/'))
      posts.push({ method: m, path: new URL(r.url()).pathname, status: r.status() })
  })
  const faultsFrom = Date.now()
  await mockApi.faults({ errorRate: 0.3 })
  await mockApi.run(10)

  /** Clicks `button` until the request it sends is answered by the server (not by the fault injector). */
  async function submitUntilAnswered(
    click: () => Promise<void>,
    method: string,
    path: RegExp,
  ): Promise<void> {
    for (let i = 0; i < 12; i++) {
      const res = page.waitForResponse(
        (r) => r.request().method() === method && path.test(new URL(r.url()).pathname),
      )
      await click()
      if ((await res).status() !== 503) return
      // A readable error, and the form keeps what was typed.
      await expect(
        page
          .getByRole('alert')
          .filter({ hasText: /injected|fail|could not|not saved|went wrong/i })
          .first(),
      ).toBeVisible()
    }
    throw new Error(`${method} ${path} never got through`)
  }

  // Browse while it fails: every page either loads or says why with a Retry, never blank.
  for (const [path, loaded] of PAGES) {
    await page.goto(path)
    await expectNotBlank(page, path)
    const retry = page.getByRole('alert').getByRole('button', { name: 'Retry' })
    await expect(async () => {
      if (await retry.first().isVisible()) await retry.first().click()
      await loaded(page)
    }, path).toPass({ timeout: 30_000 })
  }

  // Create a user access record (Sovereign).
  const form = new UserAccessFormPage(page)
  await expect(async () => {
    await page.goto(`${origin}/users/new`)
    await expect(form.name).toBeVisible({ timeout: 3000 })
  }).toPass({ timeout: 30_000 })
  await form.name.fill('fault-probe')
  await form.groups.fill('probes')
  await form.setGrant(1, { app: '*', role: 'viewer' })
  await submitUntilAnswered(() => form.submitCreate.click(), 'POST', /\/admin\/user-access$/)
  await expect(page).toHaveURL(`${origin}/users`)

  // Save it again with a changed role (PUT).
  await expect(async () => {
    await page.goto(`${origin}/users/fault-probe`)
    await expect(form.submitSave).toBeVisible({ timeout: 3000 })
  }).toPass({ timeout: 30_000 })
  await form.setGrant(1, { role: 'editor' })
  await submitUntilAnswered(() => form.submitSave.click(), 'PUT', /\/admin\/user-access\/fault-probe$/)
  await expect(page).toHaveURL(`${origin}/users`)

  // Delete a deployment record (mothership).
  const list = new DeploymentsPage(page)
  await expect(async () => {
    await list.goto()
    await expect(list.deleteButton(ESTATE.failedTofu.fqdn)).toBeEnabled({ timeout: 3000 })
  }).toPass({ timeout: 30_000 })
  const d = new DeleteDialog(await list.openDelete(ESTATE.failedTofu.fqdn), ESTATE.failedTofu.fqdn)
  await d.confirmInput().fill(ESTATE.failedTofu.fqdn)
  await submitUntilAnswered(
    () => d.recordButton().click(),
    'DELETE',
    new RegExp(`/deployments/${ESTATE.failedTofu.id}$`),
  )
  await expect(d.dialog.getByRole('heading', { name: /Record deleted|Already deleted/ })).toBeVisible()
  await d.done().click()

  // Keep the faults on for at least a full minute of wall-clock time (the console's polls and retries
  // run on it): keep browsing, and no page goes blank meanwhile.
  for (let i = 0; Date.now() - faultsFrom < FAULT_WINDOW_MS; i = (i + 1) % PAGES.length) {
    await page.goto(PAGES[i]![0])
    await expectNotBlank(page, `${PAGES[i]![0]} (still failing)`)
  }

  // Retry a failed job.
  const detail = new JobDetailPage(page)
  await expect(async () => {
    await detail.goto({ deploymentId: ESTATE.failedChart.id, jobName: 'install-harbor' })
    // The job's own Retry (re-run), not the Retry of a page that failed to load.
    await expect(detail.heading('install-harbor')).toBeVisible({ timeout: 3000 })
    await expect(detail.retry).toBeVisible({ timeout: 3000 })
  }).toPass({ timeout: 30_000 })
  await submitUntilAnswered(() => detail.retry.click(), 'POST', /\/jobs\/install-harbor\/retry$/)

  expect(Date.now() - faultsFrom).toBeGreaterThanOrEqual(FAULT_WINDOW_MS)

  // Faults over: everything is back without a reload.
  await mockApi.faults({ errorRate: 0 })
  await mockApi.pause()
  await expect(detail.execution.getByRole('option')).toHaveCount(2, { timeout: 15_000 })

  // Each mutation took effect exactly once, whatever the number of attempts.
  const answered = posts.filter((p) => p.status !== 503)
  expect(answered.filter((p) => p.method === 'POST' && p.path.endsWith('/admin/user-access'))).toHaveLength(1)
  expect(answered.filter((p) => p.method === 'PUT')).toHaveLength(1)
  expect(answered.filter((p) => p.method === 'DELETE')).toHaveLength(1)
  expect(answered.filter((p) => p.path.endsWith('/retry'))).toHaveLength(1)
  const records = (
    (await (await page.request.get(`/api/v1/deployments/${ESTATE.adopted.id}/admin/user-access`)).json()) as {
      items: { name: string; spec: { applications: { role: string }[] } }[]
    }
  ).items.filter((u) => u.name === 'fault-probe')
  expect(records).toHaveLength(1)
  expect(records[0]!.spec.applications.map((a) => a.role)).toEqual(['editor'])
  const job = (await (
    await page.request.get(`/api/v1/deployments/${ESTATE.failedChart.id}/jobs/install-harbor`)
  ).json()) as {
    executions: unknown[]
  }
  expect(job.executions).toHaveLength(2)
  expect((await mockApi.state()).deployments.some((x) => x.id === ESTATE.failedTofu.id)).toBe(false)

  // And every page loads cleanly again.
  const shell = new ShellPage(page)
  for (const [path, loaded] of PAGES) {
    if (path.includes(ESTATE.failedTofu.id)) continue
    await page.goto(path)
    await loaded(page)
    await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0)
    await expect(shell.unreachable).toHaveCount(0)
  }
})
