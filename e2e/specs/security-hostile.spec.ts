import type { Page } from '@playwright/test'
import { armHostileGuards, HOSTILE, largestBoxHolding, LONG, primeClipboard } from '../hostile.ts'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { DeploymentsPage } from '../pages/DeploymentsPage.ts'
import { FlowPage } from '../pages/FlowPage.ts'
import { JobDetailPage } from '../pages/JobDetailPage.ts'
import { JobsPage } from '../pages/JobsPage.ts'
import { OverviewPage } from '../pages/OverviewPage.ts'
import { ShellPage } from '../pages/ShellPage.ts'
import { UsersPage } from '../pages/UsersPage.ts'

/**
 * Hostile strings from the API (FQDNs, org names, job names, log lines, user names) and from the URL
 * render as inert text everywhere they appear. The CSP is switched off for these tests, so what is checked
 * is the console's own escaping: a payload that ran would set `window.__pwned` or open a dialog.
 */
test.use({ bypassCSP: true })

const MIN = 60_000

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Every visible box holding the 100 kB string fits the viewport and stays short; the page does not grow. */
async function expectContained(page: Page, needle: string, where: string): Promise<void> {
  const box = await largestBoxHolding(page, needle.slice(0, 200))
  expect(box.n, `${where}: the long string is on screen`).toBeGreaterThan(0)
  expect(box.w, `${where}: inside the viewport`).toBeLessThanOrEqual(1440)
  expect(box.h, `${where}: cut or scrolled, not a wall of text`).toBeLessThan(300)
  expect(box.pageHeight, `${where}: the page does not grow`).toBeLessThan(8000)
}

/** Hostile FQDNs (kept verbatim by the mock) and org names. */
const FQDN_IMG = `${HOSTILE.img}.omani.works`
const FQDN_RTL = `${HOSTILE.rtl}${HOSTILE.script}.omani.works`
const FQDN_JS = HOSTILE.js
const FQDN_LONG = `${LONG}.omani.works`

test('hostile FQDNs and org names stay text on the list, overview, strip, fleet and delete dialog', async ({
  page,
  signIn,
  mockApi,
}) => {
  test.setTimeout(90_000)
  const guard = await armHostileGuards(page)
  await signIn()
  const img = await mockApi.createDeployment({
    sovereignFQDN: FQDN_IMG,
    orgName: HOSTILE.script,
    regions: ['fsn1'],
    scenario: 'failing-tofu-apply',
    ageMs: 3 * 60 * MIN,
  })
  const rtl = await mockApi.createDeployment({
    sovereignFQDN: FQDN_RTL,
    orgName: HOSTILE.rtl,
    regions: ['fsn1'],
  })
  const js = await mockApi.createDeployment({
    sovereignFQDN: FQDN_JS,
    orgName: HOSTILE.js,
    regions: ['fsn1'],
  })
  const long = await mockApi.createDeployment({ sovereignFQDN: FQDN_LONG, orgName: LONG, regions: ['fsn1'] })

  const list = new DeploymentsPage(page)
  await list.goto()
  await primeClipboard(page)
  for (const fqdn of [FQDN_IMG, FQDN_RTL, FQDN_JS]) await expect(list.row(fqdn)).toHaveCount(1)
  await expect(list.row(FQDN_LONG)).toHaveCount(1)
  await guard.expectInert('deployments list')
  await expectContained(page, LONG, 'deployments list')
  // The link text is the FQDN, the link target the deployment id.
  await expect(list.row(FQDN_JS).getByRole('link', { name: FQDN_JS })).toHaveAttribute(
    'href',
    `/provision/${js.id}`,
  )

  const shell = new ShellPage(page)
  const overview = new OverviewPage(page)
  for (const [dep, fqdn, org] of [
    [img, FQDN_IMG, HOSTILE.script],
    [rtl, FQDN_RTL, HOSTILE.rtl],
    [js, FQDN_JS, HOSTILE.js],
    [long, FQDN_LONG, LONG],
  ] as const) {
    await overview.goto(dep.id)
    await expect(overview.heading(fqdn)).toBeVisible()
    await expect(overview.main).toContainText(org)
    await expect(shell.strip).toContainText(fqdn.slice(0, 1000))
    await guard.expectInert(`overview of ${fqdn.slice(0, 40)}`)
    if (fqdn === FQDN_LONG) await expectContained(page, LONG, 'overview')
  }

  // Fleet tiles and the fleet treemap.
  await page.goto('/app/dashboard')
  const tiles = page.getByRole('list', { name: 'Sovereigns' })
  await expect(tiles.getByRole('link', { name: FQDN_IMG })).toBeVisible()
  await expect(tiles.getByRole('link', { name: FQDN_JS })).toBeVisible()
  await guard.expectInert('fleet')
  await expectContained(page, LONG, 'fleet')

  // The delete dialog names the deployment and asks for it to be typed.
  await list.goto()
  const dialog = await list.openDelete(FQDN_IMG)
  await expect(dialog.getByLabel(`Type ${FQDN_IMG} to confirm`)).toBeVisible()
  await guard.expectInert('delete dialog')
  await dialog.getByLabel(`Type ${FQDN_IMG} to confirm`).fill(FQDN_IMG)
  await dialog.getByRole('button', { name: 'Delete record only' }).click()
  await expect(dialog.getByRole('heading', { name: 'Record deleted' })).toBeVisible()
  await guard.expectInert('delete report')
})

test('a hostile deployment that settles raises a notification that stays text', async ({
  page,
  signIn,
  mockApi,
}) => {
  const guard = await armHostileGuards(page)
  await signIn()
  const dep = await mockApi.createDeployment({
    sovereignFQDN: FQDN_RTL,
    regions: ['fsn1'],
    scenario: 'failing-tofu-apply',
  })
  const shell = new ShellPage(page)
  await page.goto(`/provision/${dep.id}/jobs`)
  await expect(shell.strip).toContainText('Provisioning')
  await mockApi.advance(30 * MIN)
  await expect(shell.strip).toContainText('Failed', { timeout: 15_000 })
  await expect(shell.bell).toHaveAccessibleName('Notifications, 1 unread')
  await shell.openNotifications()
  // The override is dropped from the composed title, so it cannot reverse ": Failed" on screen.
  const item = shell.notificationItems().first()
  await expect(item).toContainText(`${FQDN_RTL.replace(HOSTILE.rtl, 'gnp.exe')}: Failed`)
  expect(await item.textContent()).not.toContain('\u202E')
  await guard.expectInert('notifications panel')
})

test('a hostile id in the URL is shown as text in the notice and the notification', async ({
  page,
  signIn,
}) => {
  const guard = await armHostileGuards(page)
  await signIn()
  const shell = new ShellPage(page)
  await page.goto(`/provision/${encodeURIComponent(HOSTILE.img)}/apps`)
  await expect(shell.malformedNotice).toContainText(HOSTILE.img)
  await shell.openNotifications()
  await expect(shell.notificationItems().first()).toContainText(HOSTILE.img)
  await guard.expectInert('malformed id notice')
})

test('hostile job names and log lines stay text in the jobs table, job page, log viewer and graph', async ({
  page,
  signIn,
  mockApi,
}) => {
  test.setTimeout(90_000)
  const guard = await armHostileGuards(page)
  await signIn()
  const dep = ESTATE.live.id
  const jobName = `${HOSTILE.img}${HOSTILE.rtl}`
  const messages = [HOSTILE.script, HOSTILE.img, HOSTILE.js, HOSTILE.rtl, HOSTILE.ansi, LONG]
  const flood = await mockApi.logFlood({
    deploymentId: dep,
    lines: messages.length * 2,
    jobName,
    displayName: HOSTILE.script,
    messages,
  })
  expect(flood.jobName).toBe(jobName)

  const jobs = new JobsPage(page)
  await jobs.goto({ deploymentId: dep, query: `?q=${encodeURIComponent('gnp')}` })
  await primeClipboard(page)
  await expect(jobs.jobLink(jobName)).toBeVisible()
  await guard.expectInert('jobs table')

  const detail = new JobDetailPage(page)
  await jobs.jobLink(jobName).click()
  await expect(detail.heading(HOSTILE.script)).toBeVisible()
  await expect.poll(() => detail.lastVisibleLine()).toBe(messages.length * 2)
  const shown = (await detail.visibleLines()).map(([, t]) => t)
  expect(shown.some((t) => t.includes('red') && t.includes('click me'))).toBe(true)
  // eslint-disable-next-line no-control-regex -- no escape or control byte reaches the text
  for (const t of shown) expect(t).not.toMatch(/\x1b|\x07|\x9b/)
  await guard.expectInert('job page with hostile log lines')

  // Selecting the whole log and copying copies text, never an OSC 52 payload.
  await detail.searchBox.fill('click me')
  await expect(detail.matchCount).toHaveText('2 matches')
  await guard.expectInert('log search')

  // The timeline lists the job by name.
  await page.goto(`/provision/${dep}/jobs/timeline`)
  await expect(jobs.timelineHeading()).toBeVisible()
  await guard.expectInert('timeline')

  // The global log (the deployment's events) next to it.
  await page.goto(`/provision/${dep}/jobs/${encodeURIComponent(jobName)}?log=global`)
  await expect(detail.log.getByRole('listitem').first()).toBeVisible()
  await guard.expectInert('global log')

  // The graph: the job's side panel (with its live log tail) and the outline mirror.
  const flow = new FlowPage(page)
  await flow.goto(dep, { focus: `${dep}:${jobName}` })
  const panel = page.getByRole('complementary', { name: /^Details of / })
  await expect(panel).toBeVisible()
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(HOSTILE.script)
  await expect(panel.getByRole('log')).toBeVisible()
  await expect(
    flow.outline.getByRole('treeitem', { name: new RegExp(`^${escape(HOSTILE.script)}`) }),
  ).toHaveCount(1)
  await guard.expectInert('flow side panel')
})

test('a 100 kB job name is cut in the jobs table and the graph; hostile jobs stay text on a Sovereign', async ({
  page,
  signIn,
  mockApi,
  baseURL,
}) => {
  const guard = await armHostileGuards(page)
  const dep = ESTATE.adopted
  await mockApi.logFlood({ deploymentId: dep.id, lines: 3, jobName: LONG, displayName: LONG })
  const hostile = await mockApi.logFlood({
    deploymentId: dep.id,
    lines: 6,
    jobName: HOSTILE.js,
    displayName: HOSTILE.img,
    messages: [HOSTILE.ansi, HOSTILE.script],
  })
  const origin = sovereignOrigin(baseURL!, dep.fqdn)
  await signIn({ origin })
  const jobs = new JobsPage(page)
  await jobs.goto({ origin, query: '?q=WWWWWWWWWW' })
  await primeClipboard(page)
  await expect(jobs.table.getByRole('link', { name: LONG })).toHaveCount(1)
  await expectContained(page, LONG, 'jobs table on a Sovereign')
  await guard.expectInert('jobs table with a 100 kB name')

  const detail = new JobDetailPage(page)
  await detail.goto({ origin, jobName: hostile.jobName })
  await expect(detail.heading(HOSTILE.img)).toBeVisible()
  await expect.poll(() => detail.lastVisibleLine()).toBe(6)
  await guard.expectInert('job page on a Sovereign')
  await detail.showInGraph.click()
  const flow = new FlowPage(page)
  await flow.waitForLayout()
  await expect(page.getByRole('complementary', { name: /^Details of / })).toBeVisible()
  await guard.expectInert('graph on a Sovereign')

  await page.goto(`${origin}/jobs?view=graph&depth=all`)
  await flow.waitForLayout()
  // The outline is virtualised: End brings its last rows (the Apps phase, where the flood jobs are) in.
  await flow.outline.getByRole('treeitem').first().focus()
  await page.keyboard.press('End')
  await expect(flow.outline.getByRole('treeitem', { name: /^WWWWWWWWWW/ })).toHaveCount(1)
  await expectContained(page, LONG, 'graph outline with a 100 kB name')
  await guard.expectInert('graph with a 100 kB name')
})

test('hostile user access names, subjects and groups stay text (mothership and Sovereign)', async ({
  page,
  signIn,
  mockApi,
  baseURL,
}) => {
  const guard = await armHostileGuards(page)
  const spec = {
    user: { keycloakSubject: HOSTILE.js, keycloakGroups: [HOSTILE.script, HOSTILE.rtl] },
    applications: [{ app: HOSTILE.img, role: 'admin' as const, namespaces: [HOSTILE.rtl] }],
  }
  for (const dep of [ESTATE.ready.id, ESTATE.adopted.id]) {
    await mockApi.userAccess({ deploymentId: dep, name: HOSTILE.img, spec })
    await mockApi.userAccess({ deploymentId: dep, name: HOSTILE.js, spec })
    await mockApi.userAccess({ deploymentId: dep, name: LONG, spec })
  }
  const users = new UsersPage(page)
  await signIn()
  const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
  await signIn({ origin })
  for (const [where, path] of [
    ['mothership', `/provision/${ESTATE.ready.id}/users`],
    ['Sovereign', `${origin}/users`],
  ] as const) {
    await page.goto(path)
    await expect(users.heading).toBeVisible()
    await primeClipboard(page)
    await expect(users.nameLink(HOSTILE.img)).toBeVisible()
    await expect(users.nameLink(HOSTILE.js)).not.toHaveAttribute('href', /^javascript:/)
    await expect(users.row(HOSTILE.img)).toContainText(HOSTILE.js)
    await guard.expectInert(`users list (${where})`)
    await expectContained(page, LONG, `users list (${where})`)

    await users.nameLink(HOSTILE.img).click()
    await expect(page.getByRole('heading', { level: 1, name: `Edit ${HOSTILE.img}` })).toBeVisible()
    await guard.expectInert(`user form (${where})`)
    await page.goBack()
    await users.table.getByRole('button', { name: `Delete ${HOSTILE.img}` }).click()
    await expect(users.deleteDialog).toBeVisible()
    await guard.expectInert(`user delete dialog (${where})`)
    await page.keyboard.press('Escape')
  }
})
