import type { Page, Request } from '@playwright/test'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { DeleteDialog, DeploymentsPage } from '../pages/DeploymentsPage.ts'
import { JobDetailPage } from '../pages/JobDetailPage.ts'
import { LoginPage } from '../pages/LoginPage.ts'
import { UserAccessFormPage, UsersPage } from '../pages/UsersPage.ts'
import { SAMPLE_PUBLIC_KEY, VALID_HETZNER_TOKEN, WizardPage } from '../pages/WizardPage.ts'

/**
 * Every API answer takes 2 s: pages show a skeleton or a busy state instead of nothing, and a
 * double-clicked submit or confirm sends exactly one request.
 */

const LATENCY = 2000

function mutations(page: Page): Request[] {
  const seen: Request[] = []
  page.on('request', (r) => {
    if (r.method() !== 'GET' && new URL(r.url()).pathname.startsWith('/api/v1/')) seen.push(r)
  })
  return seen
}
const calls = (seen: Request[], method: string, path: RegExp) =>
  seen.filter((r) => r.method() === method && path.test(new URL(r.url()).pathname)).length

test('slow pages show a skeleton or a busy state, then their content', async ({ page, signIn, mockApi }) => {
  test.setTimeout(120_000)
  await signIn()
  await page.goto('/deployments')
  await expect(page.getByRole('table', { name: 'Deployments' })).toBeVisible()
  await mockApi.faults({ latencyMs: LATENCY })
  const live = ESTATE.live.id
  const ready = ESTATE.ready.id
  const pages: [string, (p: Page) => ReturnType<Page['getByRole']>][] = [
    [`/provision/${live}`, (p) => p.getByRole('list', { name: 'Phase timeline' })],
    [`/provision/${live}/jobs`, (p) => p.getByRole('table', { name: 'Jobs' })],
    [
      `/provision/${live}/jobs?view=graph`,
      (p) => p.getByRole('application', { name: /^Provisioning graph/ }),
    ],
    [`/provision/${live}/jobs/tofu-apply`, (p) => p.getByRole('log', { name: 'Job logs' })],
    [`/provision/${ready}/cloud`, (p) => p.getByRole('group', { name: 'Architecture graph' })],
    [`/provision/${ready}/apps`, (p) => p.getByRole('list', { name: 'Applications' })],
    [`/provision/${ready}/users`, (p) => p.getByRole('table', { name: 'User access' })],
    ['/app/dashboard', (p) => p.getByRole('list', { name: 'Sovereigns' })],
  ]
  let skeletons = 0
  for (const [path, content] of pages) {
    // In-app navigation (a full load would wait on the session check first).
    await page.evaluate((to) => {
      history.pushState(null, '', to)
      dispatchEvent(new PopStateEvent('popstate'))
    }, path)
    // Within a fraction of the 2 s: a skeleton or busy status, or data already in the cache — never nothing.
    const busy = page
      .getByRole('main')
      .getByRole('status')
      .filter({ hasText: /Loading|Connecting/ })
    await expect(busy.or(content(page)).first(), `${path}: busy or shown`).toBeAttached({ timeout: 1000 })
    if (await busy.first().isVisible()) skeletons++
    await expect(content(page)).toBeVisible({ timeout: 15_000 })
    await expect(busy).toHaveCount(0)
  }
  expect(skeletons, 'most pages had to wait and said so').toBeGreaterThanOrEqual(5)
})

test('double-clicking submit or confirm sends one request: delete, user access, job retry, sign-in, launch', async ({
  page,
  signIn,
  mockApi,
  baseURL,
}) => {
  test.setTimeout(150_000)
  const seen = mutations(page)

  // Sign-in: "Send code", then the PIN's "Verify".
  const login = new LoginPage(page)
  await login.goto('', '?next=/deployments')
  await mockApi.faults({ latencyMs: LATENCY })
  await login.email.fill('operator@openova.io')
  await login.sendCode.dblclick()
  await expect(page.getByRole('button', { name: 'Sending…' })).toBeDisabled()
  await expect(login.codeHeading).toBeVisible({ timeout: 10_000 })
  expect(calls(seen, 'POST', /\/auth\/pin\/issue$/)).toBe(1)
  const pin = await mockApi.pin('operator@openova.io')
  // The sixth digit submits; an impatient Enter right after must not send a second verify.
  await login.digit(1).focus()
  await page.keyboard.type(pin)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/deployments$/, { timeout: 15_000 })
  expect(calls(seen, 'POST', /\/auth\/pin\/verify$/)).toBe(1)

  // Delete a record.
  const list = new DeploymentsPage(page)
  await expect(list.deleteButton(ESTATE.solo.fqdn)).toBeEnabled({ timeout: 15_000 })
  const d = new DeleteDialog(await list.openDelete(ESTATE.solo.fqdn), ESTATE.solo.fqdn)
  await d.confirmInput().fill(ESTATE.solo.fqdn)
  await d.recordButton().dblclick()
  await expect(d.dialog.getByRole('button', { name: 'Deleting…' })).toBeDisabled()
  await expect(d.dialog.getByRole('heading', { name: 'Record deleted' })).toBeVisible({ timeout: 10_000 })
  expect(calls(seen, 'DELETE', new RegExp(`/deployments/${ESTATE.solo.id}$`))).toBe(1)
  await d.done().click()

  // Retry a failed job.
  const detail = new JobDetailPage(page)
  await detail.goto({ deploymentId: ESTATE.failedChart.id, jobName: 'install-harbor' })
  await expect(detail.heading('install-harbor')).toBeVisible({ timeout: 15_000 })
  await detail.retry.dblclick()
  await expect(page.getByRole('button', { name: 'Retrying…' })).toBeDisabled()
  await expect(detail.execution.getByRole('option')).toHaveCount(2, { timeout: 15_000 })
  expect(calls(seen, 'POST', /\/jobs\/install-harbor\/retry$/)).toBe(1)

  // Create a user access record on a Sovereign.
  const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
  await signIn({ origin })
  const form = new UserAccessFormPage(page)
  await page.goto(`${origin}/users/new`)
  await expect(form.name).toBeVisible({ timeout: 15_000 })
  await form.name.fill('double-click')
  await form.groups.fill('clickers')
  await form.setGrant(1, { app: '*', role: 'viewer' })
  await form.submitCreate.dblclick()
  await expect(page).toHaveURL(`${origin}/users`, { timeout: 15_000 })
  expect(calls(seen, 'POST', /\/admin\/user-access$/)).toBe(1)

  // Save it (PUT), then delete it: each double-clicked.
  await page.goto(`${origin}/users/double-click`)
  await expect(form.submitSave).toBeVisible({ timeout: 15_000 })
  await form.setGrant(1, { role: 'editor' })
  await form.submitSave.dblclick()
  await expect(page).toHaveURL(`${origin}/users`, { timeout: 15_000 })
  expect(calls(seen, 'PUT', /\/admin\/user-access\/double-click$/)).toBe(1)
  const users = new UsersPage(page)
  await expect(users.nameLink('double-click')).toBeVisible({ timeout: 15_000 })
  await users.table.getByRole('button', { name: 'Delete double-click' }).click()
  await users.deleteDialog.getByLabel(/Type .* to confirm/).fill('double-click')
  await users.deleteDialog.getByRole('button', { name: 'Delete user access' }).dblclick()
  await expect(users.deleteDialog).toBeHidden({ timeout: 15_000 })
  expect(calls(seen, 'DELETE', /\/admin\/user-access\/double-click$/)).toBe(1)
  await expect(users.nameLink('double-click')).toHaveCount(0)

  // Launch from the wizard.
  const wizard = new WizardPage(page)
  await wizard.goto()
  await wizard.orgName().fill('Slow Co')
  await wizard.next().click()
  await wizard.subdomain().fill('slowco')
  await expect(wizard.availability()).toHaveText('✓ slowco.omani.works is available', { timeout: 10_000 })
  await wizard.next().click()
  await expect(wizard.stepHeading('Topology')).toBeVisible()
  await wizard.next().click()
  await wizard.projectId().fill('4711')
  await wizard.token().fill(VALID_HETZNER_TOKEN)
  await wizard.validateToken().dblclick()
  await expect(page.getByText(/✓ Hetzner token accepted/)).toBeVisible({ timeout: 10_000 })
  expect(calls(seen, 'POST', /\/credentials\/validate$/)).toBe(1)
  await wizard.sshPublicKey().fill(SAMPLE_PUBLIC_KEY)
  await wizard.next().click()
  await expect(wizard.stepHeading('Review and launch')).toBeVisible()
  await wizard.launch().dblclick()
  await expect(page).toHaveURL(/\/provision\/[0-9a-f]{16}$/, { timeout: 15_000 })
  expect(calls(seen, 'POST', /^\/api\/v1\/deployments$/)).toBe(1)
  const created = (await mockApi.state()).deployments.filter((x) => x.sovereignFQDN === 'slowco.omani.works')
  expect(created).toHaveLength(1)
})
