import type { Page, Request } from '@playwright/test'
import { ESTATE, expect, test } from '../fixtures.ts'
import { DeleteDialog, DeploymentsPage } from '../pages/DeploymentsPage.ts'
import { OverviewPage } from '../pages/OverviewPage.ts'

/**
 * The Hetzner token typed into the wipe dialog lives in the password field and the one request body,
 * nowhere else — also when the wipe is refused, fails, never answers or ends the session. The happy path
 * and a plain cancel are covered in deployments-delete.spec.ts; these are the paths around them.
 */
const TOKEN = 'hcloudSECRET0123456789abcdefTOKENvalue9876543210ZYXWVUTsrqpo'

interface Traces {
  requests: Request[]
  console: string[]
}

function trace(page: Page): Traces {
  const t: Traces = { requests: [], console: [] }
  page.on('request', (r) => t.requests.push(r))
  page.on('console', (m) => t.console.push(m.text()))
  page.on('pageerror', (e) => t.console.push(e.message))
  return t
}

/** Every place a page could keep or leak the secret after the dialog closed. */
async function secretTraces(page: Page, t: Traces) {
  const inPage = await page.evaluate(async (s) => {
    const w = window as unknown as { __catalystQueryCacheDump?: () => string }
    const dbs = (await indexedDB.databases?.()) ?? []
    return {
      dom: document.documentElement.outerHTML.includes(s),
      text: document.body.innerText.includes(s),
      inputs: [...document.querySelectorAll('input, textarea')].some((i) =>
        (i as HTMLInputElement).value.includes(s),
      ),
      localStorage: JSON.stringify({ ...localStorage }).includes(s),
      sessionStorage: JSON.stringify({ ...sessionStorage }).includes(s),
      cookie: document.cookie.includes(s),
      history: JSON.stringify(history.state ?? null).includes(s),
      url: location.href.includes(s),
      resourceUrls: performance.getEntries().some((e) => e.name.includes(s)),
      indexedDB: dbs.length > 0,
      queryCache: (w.__catalystQueryCacheDump?.() ?? '').includes(s),
      probeInstalled: typeof w.__catalystQueryCacheDump === 'function',
    }
  }, TOKEN)
  return {
    ...inPage,
    requestUrls: t.requests.some((r) => r.url().includes(TOKEN)),
    requestHeaders: t.requests.some((r) => JSON.stringify(r.headers()).includes(TOKEN)),
    console: t.console.some((l) => l.includes(TOKEN)),
  }
}

const NOWHERE = {
  dom: false,
  text: false,
  inputs: false,
  localStorage: false,
  sessionStorage: false,
  cookie: false,
  history: false,
  url: false,
  resourceUrls: false,
  indexedDB: false,
  queryCache: false,
  probeInstalled: true,
  requestUrls: false,
  requestHeaders: false,
  console: false,
}

test.beforeEach(async ({ signIn }) => {
  await signIn()
})

test('refused by the age guard, then cancelled: the token is gone', async ({ page }) => {
  const t = trace(page)
  const overview = new OverviewPage(page)
  const { id, fqdn } = ESTATE.live
  await overview.goto(id)
  await overview.cancelAndWipe().click()
  const d = new DeleteDialog(page.getByRole('dialog', { name: `Delete ${fqdn}` }), fqdn)
  await d.token().fill(TOKEN)
  await d.confirmInput().fill(fqdn)
  await d.wipeButton().click()
  await expect(d.alert()).toContainText('Still installing — wipe refused for now')
  // Only the body of the one request carried it.
  const wipes = t.requests.filter((r) => r.url().includes('/wipe'))
  expect(wipes).toHaveLength(1)
  expect(wipes[0]!.postData()).toContain(TOKEN)
  await d.dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(d.dialog).toBeHidden()
  expect(await secretTraces(page, t)).toEqual(NOWHERE)
  // Reopening starts with an empty token field.
  await overview.cancelAndWipe().click()
  await expect(d.token()).toHaveValue('')
})

test('a server error that echoes the token shows a readable error; closing forgets both', async ({
  page,
  allowConsoleErrors,
}) => {
  allowConsoleErrors([/status of 500/])
  const t = trace(page)
  const { id, fqdn } = ESTATE.ready
  // A careless backend quotes the request back in its error.
  await page.route(`**/api/v1/deployments/${id}/wipe`, (route) =>
    route.fulfill({
      status: 500,
      json: { error: 'internal', detail: `hcloud rejected token ${TOKEN}: unauthorized` },
    }),
  )
  const list = new DeploymentsPage(page)
  await list.goto()
  const d = new DeleteDialog(await list.openDelete(fqdn), fqdn)
  await d.wipeMode().check()
  await d.token().fill(TOKEN)
  await d.confirmInput().fill(fqdn)
  await d.wipeButton().click()
  await expect(d.alert()).toBeVisible()
  await expect(d.dialog).toContainText(/failed|rejected|unauthorized/i)
  await page.keyboard.press('Escape')
  await expect(d.dialog).toBeHidden()
  await expect(list.row(fqdn)).toHaveCount(1)
  expect(await secretTraces(page, t)).toEqual(NOWHERE)
})

test('a wipe that never reaches the API (network error) keeps the dialog usable and leaks nothing', async ({
  page,
  allowConsoleErrors,
}) => {
  allowConsoleErrors([/net::ERR_/])
  const t = trace(page)
  const { id, fqdn } = ESTATE.degraded
  await page.route(`**/api/v1/deployments/${id}/wipe`, (route) => route.abort('connectionreset'))
  const list = new DeploymentsPage(page)
  await list.goto()
  const d = new DeleteDialog(await list.openDelete(fqdn), fqdn)
  await d.wipeMode().check()
  await d.token().fill(TOKEN)
  await d.confirmInput().fill(fqdn)
  await d.wipeButton().click()
  await expect(d.alert()).toContainText('The request failed')
  // The operator can try again without retyping (the field still holds it while the dialog is open).
  await expect(d.token()).toHaveValue(TOKEN)
  await expect(d.wipeButton()).toBeEnabled()
  await d.dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(d.dialog).toBeHidden()
  expect(await secretTraces(page, t)).toEqual(NOWHERE)
})

test('a session that ends during the wipe sends the operator to sign in without the token in tow', async ({
  page,
  mockApi,
  baseURL,
}) => {
  const t = trace(page)
  const { fqdn } = ESTATE.solo
  const list = new DeploymentsPage(page)
  await list.goto()
  const d = new DeleteDialog(await list.openDelete(fqdn), fqdn)
  await d.wipeMode().check()
  await d.token().fill(TOKEN)
  await d.confirmInput().fill(fqdn)
  await mockApi.expireSessions()
  await d.wipeButton().click()
  await expect(page).toHaveURL(/\/login\?next=/)
  await expect(page.getByRole('dialog')).toHaveCount(0)
  expect(page.url()).toBe(`${baseURL}/login?next=/deployments&error=session-expired`)
  const traces = await secretTraces(page, t)
  // The login page has no cache probe (it is installed by the deployments screens).
  expect({ ...traces, probeInstalled: true }).toEqual(NOWHERE)
  // And the deployment is still there: nothing was wiped.
  expect((await mockApi.state()).deployments.find((x) => x.sovereignFQDN === fqdn)?.status).toBe('ready')
})
