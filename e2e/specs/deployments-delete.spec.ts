import type { Page, Request } from '@playwright/test'
import { DeleteDialog, DeploymentsPage } from '../pages/DeploymentsPage.ts'
import { OverviewPage } from '../pages/OverviewPage.ts'
import { ShellPage } from '../pages/ShellPage.ts'
import { ESTATE, expect, expectHeading, test } from '../fixtures.ts'

const TOKEN = 'hcloudTOKEN0123456789abcdefSECRETvalue9876543210ZYXWVUTsrqpo'

test.beforeEach(async ({ signIn, mockApi }) => {
  void mockApi
  await signIn()
})

/** Every request the page makes (to prove what went where). */
function recordRequests(page: Page): Request[] {
  const seen: Request[] = []
  page.on('request', (r) => seen.push(r))
  return seen
}

/** The secret is nowhere the page could leak it from: DOM, storages, React Query caches, input values. */
async function secretWhere(page: Page, secret: string) {
  return page.evaluate((s) => {
    const w = window as unknown as { __catalystQueryCacheDump?: () => string }
    return {
      dom: document.documentElement.outerHTML.includes(s),
      inputs: [...document.querySelectorAll('input')].some((i) => i.value.includes(s)),
      localStorage: JSON.stringify({ ...localStorage }).includes(s),
      sessionStorage: JSON.stringify({ ...sessionStorage }).includes(s),
      queryCache:
        typeof w.__catalystQueryCacheDump === 'function' && w.__catalystQueryCacheDump().includes(s),
      probeInstalled: typeof w.__catalystQueryCacheDump === 'function',
    }
  }, secret)
}

/** After the age guard refused: no silent force — the operator ticks it, then the wipe goes through. */
async function forceTheWipe(d: DeleteDialog) {
  await expect(d.wipeButton()).toBeDisabled()
  await d
    .alert()
    .getByRole('checkbox', { name: /Force the wipe now/ })
    .check()
  await d.forceButton().click()
  await expect(d.dialog.getByRole('heading', { name: 'Deployment wiped' })).toBeVisible()
}

test('record only: confirm stays disabled until the FQDN matches, Enter never submits, the row disappears', async ({
  page,
}) => {
  const requests = recordRequests(page)
  const list = new DeploymentsPage(page)
  await list.goto()
  const fqdn = ESTATE.failedChart.fqdn
  const d = new DeleteDialog(await list.openDelete(fqdn), fqdn)
  await expect(d.recordMode()).toBeChecked()
  await expect(d.dialog).toContainText('keep running')
  // What keeps running is counted from the topology.
  await expect(d.dialog.getByRole('region', { name: 'What deleting the record does' })).toContainText(
    /\d+ servers?/,
  )
  await expect(d.recordButton()).toBeDisabled()
  await d.confirmInput().fill(fqdn.slice(0, -1))
  await expect(d.recordButton()).toBeDisabled()
  await expect(d.dialog.getByText('Does not match yet.')).toBeVisible()
  await d.confirmInput().fill(fqdn.toUpperCase())
  await expect(d.recordButton()).toBeDisabled()
  await d.confirmInput().fill(fqdn)
  await expect(d.recordButton()).toBeEnabled()
  // Enter in the field never submits.
  await d.confirmInput().press('Enter')
  await expect(d.dialog).toBeVisible()
  expect(requests.filter((r) => r.method() === 'DELETE')).toHaveLength(0)

  await d.recordButton().click()
  await expect(d.dialog.getByRole('heading', { name: 'Record deleted' })).toBeVisible()
  await expect(d.dialog).toContainText('Record removed from the mothership')
  await expect(d.dialog).toContainText('were not touched and keep running')
  expect(requests.filter((r) => r.method() === 'DELETE').map((r) => new URL(r.url()).pathname)).toEqual([
    `/api/v1/deployments/${ESTATE.failedChart.id}`,
  ])
  // The row is gone already (no reload), behind the report.
  await expect(list.row(fqdn)).toHaveCount(0)
  await d.done().click()
  await expect(d.dialog).toBeHidden()
  await expect(page.getByText('9 deployments')).toBeVisible()
  // Focus returns to the page (the row's button is gone), nothing reloaded.
  expect(requests.some((r) => r.resourceType() === 'document' && r !== requests[0])).toBe(false)
})

test('Escape cancels without deleting', async ({ page }) => {
  const requests = recordRequests(page)
  const list = new DeploymentsPage(page)
  await list.goto()
  const fqdn = ESTATE.solo.fqdn
  const d = new DeleteDialog(await list.openDelete(fqdn), fqdn)
  await d.confirmInput().fill(fqdn)
  await page.keyboard.press('Escape')
  await expect(d.dialog).toBeHidden()
  await expect(list.row(fqdn)).toHaveCount(1)
  expect(requests.filter((r) => r.method() === 'DELETE')).toHaveLength(0)
  // Reopening starts blank.
  const again = new DeleteDialog(await list.openDelete(fqdn), fqdn)
  await expect(again.confirmInput()).toHaveValue('')
})

test('409: a stale row that is running again is refused in plain words, and the list catches up', async ({
  page,
}) => {
  const list = new DeploymentsPage(page)
  await list.goto()
  const { id, fqdn } = ESTATE.failedChart
  await expect(list.deleteButton(fqdn)).toBeEnabled()
  // Someone retries the failed chart: the deployment is installing again, the row on screen is stale.
  const retry = await page.request.post(`/api/v1/deployments/${id}/jobs/install-harbor/retry`)
  expect(retry.ok()).toBe(true)
  const d = new DeleteDialog(await list.openDelete(fqdn), fqdn)
  await d.confirmInput().fill(fqdn)
  await d.recordButton().click()
  await expect(d.alert()).toContainText('Still running — record not deleted')
  await expect(d.alert()).toContainText(`${fqdn} is installing right now`)
  await expect(d.alert()).toContainText('wipe the infrastructure instead')
  await expect(d.alert().getByRole('button', { name: 'Wipe instead…' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(d.dialog).toBeHidden()
  // Installing again: the row now offers a wipe only.
  await expect(list.row(fqdn)).toContainText('Installing: wipe only')
  const again = new DeleteDialog(await list.openDelete(fqdn), fqdn)
  await expect(again.recordMode()).toBeDisabled()
  await expect(again.wipeMode()).toBeChecked()
})

test('422: a Sovereign the customer adopted cannot be deleted, and leaves the list', async ({ page }) => {
  const list = new DeploymentsPage(page)
  await list.goto()
  const { id, fqdn } = ESTATE.ready
  // The operator has the dialog open (the list's next poll would drop an adopted record's row)…
  const d = new DeleteDialog(await list.openDelete(fqdn), fqdn)
  await d.confirmInput().fill(fqdn)
  // …when the customer follows the handover link on their Sovereign: the record becomes adopted.
  const state = (await (await page.request.get(`/api/v1/deployments/${id}`)).json()) as {
    handoverURL: string
  }
  const customer = await page.context().newPage()
  await customer.goto(state.handoverURL)
  await expect(customer).toHaveURL(/\/dashboard$/)
  await customer.close()

  await d.recordButton().click()
  await expect(d.alert()).toContainText('Adopted by the customer')
  await expect(d.alert()).toContainText('the customer signed in to their Sovereign and now owns it')
  await page.keyboard.press('Escape')
  await expect(list.row(fqdn)).toHaveCount(0)
})

test('404: a repeat delete counts as already deleted', async ({ page }) => {
  const list = new DeploymentsPage(page)
  await list.goto()
  const { id, fqdn } = ESTATE.solo
  const d = new DeleteDialog(await list.openDelete(fqdn), fqdn)
  // Deleted meanwhile (another tab).
  expect((await page.request.delete(`/api/v1/deployments/${id}`)).ok()).toBe(true)
  await d.confirmInput().fill(fqdn)
  await d.recordButton().click()
  await expect(d.dialog.getByRole('heading', { name: 'Already deleted' })).toBeVisible()
  await expect(list.row(fqdn)).toHaveCount(0)
  await d.done().click()
  await expect(d.dialog).toBeHidden()
})

test('wipe: shows what will be destroyed per region, needs FQDN and token, is busy for the duration, reports counts, and leaves no token behind', async ({
  page,
}) => {
  const requests = recordRequests(page)
  const consoleLines: string[] = []
  page.on('console', (m) => consoleLines.push(m.text()))
  const list = new DeploymentsPage(page)
  await list.goto()
  const { id, fqdn } = ESTATE.ready
  const d = new DeleteDialog(await list.openDelete(fqdn), fqdn)
  await d.wipeMode().check()
  // The preview, before anything happens: per region, from the topology.
  const preview = d.preview()
  await expect(preview.getByRole('row', { name: /fsn1/ })).toContainText('4')
  await expect(preview.getByRole('row', { name: /nbg1-1/ })).toBeVisible()
  await expect(preview.getByRole('row', { name: /hel1-2/ })).toBeVisible()
  await expect(preview.getByRole('row', { name: /Total/ }).getByRole('cell').first()).toHaveText('10')
  const panel = d.dialog.getByRole('region', { name: 'What the wipe destroys' })
  await expect(panel).toContainText(`13 records under ${fqdn}`)
  await expect(panel).toContainText(`bucket catalyst-acme-omani-works-`)

  // Typed FQDN and a long enough token are both required.
  await expect(d.wipeButton()).toBeDisabled()
  await d.confirmInput().fill(fqdn)
  await expect(d.wipeButton()).toBeDisabled()
  await d.token().fill('short-token')
  await expect(d.wipeButton()).toBeDisabled()
  await d.token().fill(TOKEN)
  await expect(d.wipeButton()).toBeEnabled()
  // Typed into a password field that React never mirrors into the markup.
  expect(await secretWhere(page, TOKEN)).toMatchObject({ dom: false, inputs: true, queryCache: false })
  await expect(d.token()).toHaveAttribute('type', 'password')
  // Enter never wipes: had it sent one, the button below would be busy (the click fails) or the request
  // count at the end would be two.
  await d.token().press('Enter')
  await d.confirmInput().press('Enter')
  await expect(d.wipeButton()).toBeEnabled()

  // The wipe's request is held until the busy state has been checked: the mock answers after 1.2 s, which
  // a busy machine can spend between two assertions (the dialog would already show the report).
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(`**/api/v1/deployments/${id}/wipe`, async (route) => {
    await held
    await route.continue()
  })
  await d.wipeButton().click()
  // Busy: one request, no double submit, no closing.
  const busy = d.dialog.getByRole('button', { name: 'Wiping…' })
  await expect(busy).toBeDisabled()
  await page.keyboard.press('Escape')
  await expect(d.dialog).toBeVisible()
  await expect(d.dialog.getByRole('button', { name: 'Close dialog' })).toBeDisabled()
  release()

  await expect(d.dialog.getByRole('heading', { name: 'Deployment wiped' })).toBeVisible()
  const report = d.dialog.getByRole('table', { name: 'Destroyed resources' })
  await expect(report.getByRole('row', { name: /^Servers/ })).toContainText('10')
  await expect(report.getByRole('row', { name: /^Load balancers/ })).toContainText('3')
  await expect(report.getByRole('row', { name: /^Networks/ })).toContainText('3')
  await expect(d.dialog).toContainText('OpenTofu destroy')
  await expect(d.dialog).toContainText('completed')
  await expect(d.dialog).toContainText('DNS released')
  await expect(list.row(fqdn)).toHaveCount(0)

  const wipes = requests.filter((r) => r.url().includes('/wipe'))
  expect(wipes).toHaveLength(1)
  expect(new URL(wipes[0]!.url()).pathname).toBe(`/api/v1/deployments/${id}/wipe`)
  expect(wipes[0]!.postData()).toContain(TOKEN)

  await d.done().click()
  await expect(d.dialog).toBeHidden()
  await expect(list.row(fqdn)).toHaveCount(0)
  // Nowhere: not in a URL, the DOM, storage, the caches, the console.
  expect(requests.some((r) => r.url().includes(TOKEN))).toBe(false)
  expect(consoleLines.some((l) => l.includes(TOKEN))).toBe(false)
  expect(await secretWhere(page, TOKEN)).toEqual({
    dom: false,
    inputs: false,
    localStorage: false,
    sessionStorage: false,
    queryCache: false,
    probeInstalled: true,
  })
  await page.reload()
  await expectHeading(page, 'Deployments')
})

test('closing the dialog forgets the token', async ({ page }) => {
  const list = new DeploymentsPage(page)
  await list.goto()
  const { fqdn } = ESTATE.degraded
  const d = new DeleteDialog(await list.openDelete(fqdn), fqdn)
  await d.wipeMode().check()
  await d.token().fill(TOKEN)
  await d.confirmInput().fill(fqdn)
  await d.dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(d.dialog).toBeHidden()
  expect(await secretWhere(page, TOKEN)).toMatchObject({
    dom: false,
    inputs: false,
    localStorage: false,
    sessionStorage: false,
    queryCache: false,
  })
  const again = new DeleteDialog(await list.openDelete(fqdn), fqdn)
  await again.wipeMode().check()
  await expect(again.token()).toHaveValue('')
})

test('the wipe age guard explains itself and offers an explicit force (Cancel and wipe from the overview)', async ({
  page,
}) => {
  const requests = recordRequests(page)
  const overview = new OverviewPage(page)
  const { id, fqdn } = ESTATE.live
  await overview.goto(id)
  await expect(overview.heading(fqdn)).toBeVisible()
  await overview.cancelAndWipe().click()
  const d = new DeleteDialog(page.getByRole('dialog', { name: `Delete ${fqdn}` }), fqdn)
  // In flight: record-only is refused, with the reason; wipe is preselected.
  await expect(d.recordMode()).toBeDisabled()
  await expect(d.dialog).toContainText("Can't delete while installing")
  await expect(d.wipeMode()).toBeChecked()
  await d.token().fill(TOKEN)
  await d.confirmInput().fill(fqdn)
  await d.wipeButton().click()
  await expect(d.alert()).toContainText('Still installing — wipe refused for now')
  await expect(d.alert()).toContainText(/started \d+ minutes ago/)
  await expect(d.alert()).toContainText('younger than 30 minutes')
  await expect(d.alert()).toContainText(/Wait about \d+ minutes, or force the wipe/)
  await forceTheWipe(d)
  const wipes = requests.filter((r) => r.url().includes('/wipe'))
  expect(wipes.map((r) => new URL(r.url()).search)).toEqual(['', '?force=true'])
  expect(wipes.some((r) => r.url().includes(TOKEN))).toBe(false)
  await d.done().click()
  await expect(page).toHaveURL('/deployments')
  await expect(new DeploymentsPage(page).row(fqdn)).toHaveCount(0)
})

test('a stuck install (Flux not reconciling) is wiped from the list: record-only explained as blocked, no force needed past 30 minutes', async ({
  page,
}) => {
  const requests = recordRequests(page)
  const list = new DeploymentsPage(page)
  await list.goto()
  const { id, fqdn } = ESTATE.fluxStuck
  const d = new DeleteDialog(await list.openDelete(fqdn), fqdn)
  await expect(d.recordMode()).toBeDisabled()
  await expect(d.dialog).toContainText("Can't delete while installing")
  await expect(d.dialog).toContainText('the API refuses to delete the record of a running deployment')
  await expect(d.wipeMode()).toBeChecked()
  await d.token().fill(TOKEN)
  await d.confirmInput().fill(fqdn)
  await d.wipeButton().click()
  await expect(d.dialog.getByRole('heading', { name: 'Deployment wiped' })).toBeVisible()
  const wipes = requests.filter((r) => r.url().includes('/wipe'))
  expect(wipes.map((r) => new URL(r.url()).pathname + new URL(r.url()).search)).toEqual([
    `/api/v1/deployments/${id}/wipe`,
  ])
  await d.done().click()
  await expect(list.row(fqdn)).toHaveCount(0)
})

test('a young install wiped from the list hits the age guard and needs an explicit force', async ({
  page,
}) => {
  const requests = recordRequests(page)
  const list = new DeploymentsPage(page)
  await list.goto()
  const { fqdn } = ESTATE.live
  const d = new DeleteDialog(await list.openDelete(fqdn), fqdn)
  await expect(d.wipeMode()).toBeChecked()
  await d.token().fill(TOKEN)
  await d.confirmInput().fill(fqdn)
  await d.wipeButton().click()
  await expect(d.alert()).toContainText('younger than 30 minutes')
  await forceTheWipe(d)
  expect(requests.filter((r) => r.url().includes('/wipe')).map((r) => new URL(r.url()).search)).toEqual([
    '',
    '?force=true',
  ])
})

/** Issue 15 item 5: the console's answer timeout for a delete or wipe (ANSWER_TIMEOUT_MS). */
const ANSWER_TIMEOUT_MS = 10 * 60_000

/** A wipe of `target` under way against the `hang` fault: the dialog waiting, nothing answered. */
async function wipeThatNeverAnswers(
  page: Page,
  mockApi: { hang: (m: { method: 'POST'; path: string } | null) => Promise<unknown> },
  target: { id: string; fqdn: string },
  opts: { pauseClock?: boolean } = {},
) {
  await mockApi.hang({ method: 'POST', path: `/api/v1/deployments/${target.id}/wipe` })
  const list = new DeploymentsPage(page)
  await list.goto()
  const d = new DeleteDialog(await list.openDelete(target.fqdn), target.fqdn)
  await d.wipeMode().check()
  await d.confirmInput().fill(target.fqdn)
  await d.token().fill(TOKEN)
  // Time stands still from the click on (under page.clock), so the deadline is exactly ten minutes of runFor.
  if (opts.pauseClock) await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000)
  await d.wipeButton().click()
  await expect(d.dialog.getByRole('button', { name: 'Wiping…' })).toBeDisabled()
  return { list, d }
}

test('a wipe that never answers: after 10 minutes the dialog says so in words, the token is gone, the deployment is re-read, and Escape closes', async ({
  page,
  mockApi,
  allowConsoleErrors,
}) => {
  allowConsoleErrors([/net::ERR_ABORTED/])
  await page.clock.install()
  const { id, fqdn } = ESTATE.failedChart
  const { d } = await wipeThatNeverAnswers(page, mockApi, { id, fqdn }, { pauseClock: true })
  // Waiting: Escape is not a way to give up on a wipe under way (Cancel is).
  await page.keyboard.press('Escape')
  await expect(d.dialog).toBeVisible()

  const reread = page.waitForRequest(
    (r) => r.method() === 'GET' && new URL(r.url()).pathname === `/api/v1/deployments/${id}`,
  )
  await page.clock.runFor(ANSWER_TIMEOUT_MS - 1_000)
  await expect(d.dialog.getByRole('button', { name: 'Wiping…' })).toBeDisabled()
  await page.clock.runFor(1_000)
  await reread
  // Time flows again (React Query schedules its updates on timers).
  await page.clock.resume()

  const alert = d.alert().filter({ hasText: 'The server did not answer' })
  await expect(alert).toContainText(`The wipe request for ${fqdn} got no answer within 10 minutes`)
  await expect(alert).toContainText('Whether it was carried out is unknown')
  await expect(alert).toContainText('Its status now: failed.')
  await expect(d.token()).toHaveValue('')
  await expect(d.token()).toBeEnabled()
  expect(await secretWhere(page, TOKEN)).toMatchObject({ dom: false, inputs: false, queryCache: false })
  // Nothing claims success and nothing is removed.
  await expect(d.dialog.getByRole('heading', { name: 'Deployment wiped' })).toHaveCount(0)

  await page.keyboard.press('Escape')
  await expect(d.dialog).toBeHidden()
})

test('Cancel while a wipe is waiting aborts the request, clears the token and closes; the bell says the outcome is open', async ({
  page,
  mockApi,
  allowConsoleErrors,
}) => {
  allowConsoleErrors([/net::ERR_ABORTED/])
  const { id, fqdn } = ESTATE.failedChart
  const { d, list } = await wipeThatNeverAnswers(page, mockApi, { id, fqdn })
  const aborted = page.waitForEvent('requestfailed', (r) => r.url().endsWith(`/deployments/${id}/wipe`))
  await d.dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(d.dialog).toBeHidden()
  expect((await aborted).failure()?.errorText).toMatch(/ERR_ABORTED/)
  expect(await secretWhere(page, TOKEN)).toMatchObject({ dom: false, inputs: false, queryCache: false })
  await expect(list.row(fqdn)).toBeVisible()

  const shell = new ShellPage(page)
  await shell.openNotifications()
  await expect(
    shell.notificationItems().filter({ hasText: `Wipe of ${fqdn}: stopped waiting` }),
  ).toContainText('may still be carried out')
})
