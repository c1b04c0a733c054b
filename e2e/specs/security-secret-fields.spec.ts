import type { Locator } from '@playwright/test'
import { ESTATE, expect, test } from '../fixtures.ts'
import { DeleteDialog, DeploymentsPage } from '../pages/DeploymentsPage.ts'
import { SettingsPage } from '../pages/SettingsPage.ts'
import { ShellPage } from '../pages/ShellPage.ts'
import { WizardPage } from '../pages/WizardPage.ts'

type ProbeWindow = Window & { __catalystQueryCacheDump?: () => string }
const cacheDump = () => (window as ProbeWindow).__catalystQueryCacheDump?.() ?? 'no probe'

/**
 * Issue 15 item 7: secret fields give browsers and password managers nothing to keep, sign-out forgets the
 * wizard draft, a server error that echoes a secret shows it redacted, and a kubeconfig is kept nowhere
 * after its download.
 */
const TOKEN = 'hcloudECHOEDsecret0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ'

/** A secret field: masked, never autofilled or saved, no `name` to file it under. */
async function expectSecretField(field: Locator): Promise<void> {
  await expect(field).toBeVisible()
  await expect(field).toHaveAttribute('type', 'password')
  await expect(field).toHaveAttribute('autocomplete', /^(off|new-password)$/)
  await expect(field).not.toHaveAttribute('name', /.*/)
  await expect(field).toHaveAttribute('spellcheck', 'false')
}

test.beforeEach(async ({ signIn }) => {
  await signIn()
})

test('every secret field of the wizard and of the delete dialog', async ({ page }) => {
  const wizard = new WizardPage(page)
  await wizard.goto()
  await wizard.orgName().fill('Fields Ltd')
  await wizard.next().click()
  await wizard.ownDomainMode().check()
  await wizard.ownDomain().fill('cloud.fields-ltd.io')
  const registrarToken = page.getByLabel('Registrar API token')
  await expectSecretField(registrarToken)
  await registrarToken.fill('cfREGISTRARtoken0123456789')
  await page.getByRole('button', { name: 'Validate with registrar' }).click()
  await expect(page.getByText(/✓ cloud\.fields-ltd\.io is in the cloudflare account/)).toBeVisible()
  await wizard.next().click()
  await expect(wizard.stepHeading('Topology')).toBeVisible()
  await wizard.next().click()
  await expect(wizard.stepHeading('Credentials')).toBeVisible()
  await expectSecretField(wizard.token())
  await expectSecretField(wizard.form.getByLabel('Object-storage access key'))
  await expectSecretField(wizard.form.getByLabel('Object-storage secret key'))

  const { fqdn } = ESTATE.degraded
  const list = new DeploymentsPage(page)
  await list.goto()
  const d = new DeleteDialog(await list.openDelete(fqdn), fqdn)
  await d.wipeMode().check()
  await expectSecretField(d.token())
})

test('sign-out forgets the wizard draft: signed in again, the wizard starts empty', async ({
  page,
  baseURL,
  signIn,
}) => {
  const wizard = new WizardPage(page)
  await wizard.goto()
  await wizard.orgName().fill('Forget Me Ltd')
  await wizard.next().click()
  await wizard.subdomain().fill('forgetme')
  await expect(wizard.availability()).toContainText('is available')
  await expect.poll(() => page.evaluate(() => JSON.stringify({ ...localStorage }))).toContain('Forget Me Ltd')

  await new ShellPage(page).signOut()
  await expect(page).toHaveURL(`${baseURL}/login`)
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).not.toContain(
    'Forget Me Ltd',
  )

  await signIn()
  await wizard.goto()
  await expect(wizard.stepHeading('Organisation')).toBeVisible()
  await expect(wizard.orgName()).toHaveValue('')
  await wizard.orgName().fill('Next One')
  await wizard.next().click()
  await expect(wizard.subdomain()).toHaveValue('')
})

test('a 400 that echoes the provider token shows the error with the token redacted', async ({
  page,
  allowConsoleErrors,
}) => {
  allowConsoleErrors([/status of 400/])
  // A careless backend quotes the request back in a plain-text 400.
  await page.route('**/api/v1/credentials/validate', (route) =>
    route.fulfill({
      status: 400,
      contentType: 'text/plain; charset=utf-8',
      body: `hcloud: invalid token "${TOKEN}" for project 4711\n`,
    }),
  )
  const wizard = new WizardPage(page)
  await wizard.goto()
  await wizard.orgName().fill('Echo Ltd')
  await wizard.next().click()
  await wizard.subdomain().fill('echo')
  await expect(wizard.availability()).toContainText('is available')
  await wizard.next().click()
  await wizard.next().click()
  await expect(wizard.stepHeading('Credentials')).toBeVisible()
  await wizard.token().fill(TOKEN)
  await wizard.validateToken().click()
  await expect(wizard.form).toContainText('hcloud: invalid token "[redacted]" for project 4711')
  expect(await page.evaluate(() => document.body.innerText)).not.toContain(TOKEN.slice(0, 20))
  expect(await page.evaluate(cacheDump)).not.toContain(TOKEN.slice(0, 20))
})

test('a kubeconfig download keeps a safe file name and leaves nothing in the query cache', async ({
  page,
}) => {
  const settings = new SettingsPage(page)
  const shell = new ShellPage(page)
  await page.goto(`/provision/${ESTATE.ready.id}/settings`)
  const download = page.waitForEvent('download')
  await settings.download('hel1-2').click()
  expect((await download).suggestedFilename()).toBe('acme-hel1-2.yaml')
  await expect(settings.download('hel1-2')).toBeEnabled()
  // In-app navigation (same query client) to a screen with the cache probe.
  await shell.navLink('Overview').click()
  await expect(page).toHaveURL(`/provision/${ESTATE.ready.id}`)
  await expect.poll(() => page.evaluate(cacheDump)).not.toBe('no probe')
  const cache = await page.evaluate(cacheDump)
  expect(cache).not.toContain('kind: Config')
  expect(cache).not.toContain('client-key-data')
})
