import type { Page, Request } from '@playwright/test'
import { expectNoSeriousA11yViolations } from '../axe.ts'
import { SAMPLE_PUBLIC_KEY, VALID_HETZNER_TOKEN, WizardPage } from '../pages/WizardPage.ts'
import { expect, test } from '../fixtures.ts'

const EMAIL = 'operator@openova.io'
const ACCESS_KEY = 'OSACCESSKEY0123456789'
const SECRET_KEY = 'osSECRETkey0123456789abcdefghijklmnopqrs'
const REGISTRAR_TOKEN = 'cfREGISTRARtoken0123456789'

test.beforeEach(async ({ signIn, mockApi }) => {
  void mockApi
  await signIn({ email: EMAIL })
})

/** Where a secret could leak from the page: markup, input values, storages. */
function leaks(page: Page, secret: string) {
  return page.evaluate((s) => {
    return {
      dom: document.documentElement.outerHTML.includes(s),
      inputs: [...document.querySelectorAll('input')].some((i) => i.value.includes(s)),
      storage: JSON.stringify({ ...localStorage, ...sessionStorage }).includes(s),
    }
  }, secret)
}

test('on entry, an operator with runs in flight is told so, with links (both themes, axe clean)', async ({
  page,
  mockApi,
}) => {
  const wizard = new WizardPage(page)
  const listed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/deployments')
  await wizard.goto()
  await listed
  // The seed's runs belong to other owners: nothing to say.
  await expect(page.getByRole('region', { name: /in flight/ })).toHaveCount(0)

  const a = await mockApi.createDeployment({
    regions: ['fsn1'],
    ownerEmail: EMAIL,
    sovereignFQDN: 'one.omani.works',
  })
  const b = await mockApi.createDeployment({
    regions: ['hel1'],
    ownerEmail: EMAIL,
    sovereignFQDN: 'two.omani.works',
  })
  await wizard.goto()
  const notice = page.getByRole('region', { name: 'You have 2 deployments in flight' })
  await expect(notice).toBeVisible()
  await expect(notice.getByRole('link', { name: 'one.omani.works' })).toHaveAttribute(
    'href',
    `/provision/${a.id}`,
  )
  await expect(notice.getByRole('link', { name: 'two.omani.works' })).toBeVisible()
  // The wizard itself stays usable.
  await expect(wizard.stepHeading('Organisation')).toBeVisible()
  for (const theme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: theme })
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
    await expectNoSeriousA11yViolations(page, `wizard with runs in flight (${theme})`)
  }
  // Keyboard: the link is reachable and opens the run.
  await notice.getByRole('link', { name: 'two.omani.works' }).focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`/provision/${b.id}`)
})

test('a failing in-flight check says so with a Retry that recovers', async ({
  page,
  mockApi,
  allowConsoleErrors,
}) => {
  allowConsoleErrors([/status of 500/])
  await mockApi.createDeployment({ regions: ['fsn1'], ownerEmail: EMAIL, sovereignFQDN: 'one.omani.works' })
  let fail = true
  await page.route('**/api/v1/deployments', (route) =>
    fail && route.request().method() === 'GET'
      ? route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"store unavailable"}' })
      : route.fallback(),
  )
  const wizard = new WizardPage(page)
  await wizard.goto()
  const alert = page.getByRole('alert').filter({ hasText: 'Could not check for deployments in flight' })
  await expect(alert).toBeVisible()
  fail = false
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('region', { name: 'You have 1 deployment in flight' })).toBeVisible()
})

test('own domain: Next needs the registrar to accept the domain; refusals in plain words; the token is kept nowhere', async ({
  page,
}) => {
  const registrarChecks: Request[] = []
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/registrar/')) registrarChecks.push(r)
  })
  const wizard = new WizardPage(page)
  await wizard.goto()
  await wizard.orgName().fill('Acme Corp')
  await wizard.next().click()
  await wizard.ownDomainMode().check()
  await wizard.ownDomain().fill('sov.acme.example')
  const token = page.getByLabel('Registrar API token')
  const validate = page.getByRole('button', { name: 'Validate with registrar' })
  await wizard.next().click()
  // Not validated yet: the step refuses and says what to do.
  await expect(wizard.stepHeading('Domain')).toBeVisible()
  await expect(page.getByText('Validate sov.acme.example with its registrar')).toBeVisible()

  await page.getByLabel('Registrar', { exact: true }).selectOption('ovh')
  await token.fill('short')
  await validate.click()
  await expect(page.getByText(/^ovh rejected these credentials\./)).toBeVisible()
  // The registrar's 401 is about its credentials: the operator stays signed in.
  await expect(page.getByText('Your session ended')).toHaveCount(0)
  await token.fill(REGISTRAR_TOKEN)
  await validate.click()
  await expect(page.getByText(/^sov\.acme\.example is not in the ovh account of this token\./)).toBeVisible()

  await wizard.ownDomain().fill('sov.acme-corp.io')
  await token.fill(REGISTRAR_TOKEN)
  await validate.click()
  await expect(
    page.getByRole('status').filter({ hasText: '✓ sov.acme-corp.io is in the ovh account' }),
  ).toBeVisible()
  expect(await leaks(page, REGISTRAR_TOKEN)).toEqual({ dom: false, inputs: false, storage: false })
  const last = registrarChecks.at(-1)!
  expect(new URL(last.url()).pathname).toBe('/api/v1/registrar/ovh/validate')
  expect(last.postDataJSON()).toEqual({ domain: 'sov.acme-corp.io', token: REGISTRAR_TOKEN })
  await wizard.next().click()
  await expect(wizard.stepHeading('Topology')).toBeVisible()

  // Changing the domain afterwards needs a new check.
  await wizard.back().click()
  await wizard.ownDomain().fill('other.acme-corp.io')
  await wizard.next().click()
  await expect(page.getByText('Validate other.acme-corp.io with its registrar')).toBeVisible()
})

test('marketplace toggle and object storage (region in the draft, keys as secrets) reach the launch and nowhere else', async ({
  page,
}) => {
  const posts: Request[] = []
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/deployments') posts.push(r)
  })
  const wizard = new WizardPage(page)
  await wizard.goto()
  await wizard.orgName().fill('Bucket Co')
  await wizard.next().click()
  await wizard.subdomain().fill('bucket')
  await expect(wizard.availability()).toHaveText('✓ bucket.omani.works is available')
  await wizard.next().click()

  const platform = page.getByRole('group', { name: 'Platform' })
  await expect(platform.getByRole('checkbox', { name: /Enable the marketplace/ })).toBeChecked()
  await platform.getByRole('checkbox', { name: /Enable the marketplace/ }).uncheck()
  await platform.getByLabel('Object-storage region').selectOption('hel1')
  await wizard.next().click()

  await wizard.fillCredentials(VALID_HETZNER_TOKEN, SAMPLE_PUBLIC_KEY)
  await page.getByLabel('Object-storage access key').fill(ACCESS_KEY)
  await page.getByLabel('Object-storage secret key').fill(SECRET_KEY)
  // The draft (reload-proof) has the region and the toggle, never the keys.
  const draft = await page.evaluate(() => localStorage.getItem('catalyst:wizard-draft:v1'))
  expect(JSON.parse(draft!)).toMatchObject({ marketplaceEnabled: false, objectStorageRegion: 'hel1' })
  expect(draft).not.toContain(ACCESS_KEY)
  expect(draft).not.toContain(SECRET_KEY)
  await wizard.next().click()

  await expect(wizard.stepHeading('Review and launch')).toBeVisible()
  await expect(page.getByText('Disabled', { exact: true })).toBeVisible()
  await expect(page.getByText(/hel1 — your keys, held in memory, not shown/)).toBeVisible()
  for (const s of [ACCESS_KEY, SECRET_KEY])
    expect(await leaks(page, s)).toEqual({ dom: false, inputs: false, storage: false })
  // Back to Credentials: the keys are held, not shown.
  await page.getByRole('button', { name: 'Back', exact: true }).click()
  await expect(page.getByText(/Object-storage keys held in memory/)).toBeVisible()
  await wizard.next().click()

  await wizard.launch().click()
  await expect(page).toHaveURL(/\/provision\/[0-9a-f]{16}$/)
  expect(posts[0]!.postDataJSON()).toMatchObject({
    marketplaceEnabled: false,
    objectStorageRegion: 'hel1',
    objectStorageAccessKey: ACCESS_KEY,
    objectStorageSecretKey: SECRET_KEY,
  })
  for (const s of [ACCESS_KEY, SECRET_KEY])
    expect(await leaks(page, s)).toEqual({ dom: false, inputs: false, storage: false })
})
