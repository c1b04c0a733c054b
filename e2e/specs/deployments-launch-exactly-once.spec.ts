import type { Page, Request } from '@playwright/test'
import { ShellPage } from '../pages/ShellPage.ts'
import { VALID_HETZNER_TOKEN, WizardPage } from '../pages/WizardPage.ts'
import { expect, test } from '../fixtures.ts'

/**
 * Issue 15 item 4: a launch whose answer is lost lands on the one deployment it created — never a second
 * one, never "subdomain taken" advice about the operator's own deployment.
 */
const EMAIL = 'operator@openova.io'
const FQDN = 'once.omani.works'
const LAUNCH = { method: 'POST', path: '/api/v1/deployments' } as const

test.beforeEach(async ({ signIn, allowConsoleErrors }) => {
  // Chromium logs the cut connection of a lost answer.
  allowConsoleErrors([/net::ERR_/])
  await signIn({ email: EMAIL })
})

/** The wizard at Review with a complete draft for FQDN (only the token is typed: it is never stored). */
async function reachReview(page: Page): Promise<WizardPage> {
  const wizard = new WizardPage(page)
  await wizard.goto()
  await page.evaluate(() =>
    localStorage.setItem(
      'catalyst:wizard-draft:v1',
      JSON.stringify({
        v: 1,
        step: 'credentials',
        orgName: 'Once Ltd',
        domainMode: 'pool',
        poolDomain: 'omani.works',
        subdomain: 'once',
        regions: [
          { cloudRegion: 'fsn1', controlPlaneSize: 'cpx42', workerSize: 'cpx32', workerCount: 3 },
          { cloudRegion: 'nbg1', controlPlaneSize: 'cpx42', workerSize: 'cpx32', workerCount: 3 },
        ],
        hetznerProjectID: '4711',
        sshPublicKey:
          'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFbD9pjo37g8VfqmRx08DIxF+ahEJElOit3Vhng2hkKX ops@laptop',
      }),
    ),
  )
  await page.reload()
  await expect(wizard.stepHeading('Credentials')).toBeVisible()
  await wizard.token().fill(VALID_HETZNER_TOKEN)
  await wizard.validateToken().click()
  await expect(page.getByText(/Hetzner token accepted/)).toBeVisible()
  await wizard.next().click()
  await expect(wizard.stepHeading('Review and launch')).toBeVisible()
  await expect(wizard.form).toContainText(FQDN)
  return wizard
}

function launchPosts(page: Page): Request[] {
  const posts: Request[] = []
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === LAUNCH.path) posts.push(r)
  })
  return posts
}

test('a launch whose answer is lost lands on the one deployment it created, with a notice', async ({
  page,
  mockApi,
}) => {
  const wizard = await reachReview(page)
  const posts = launchPosts(page)
  await mockApi.dropResponseAfterMutation(LAUNCH)
  await wizard.launch().click()

  await expect(page).toHaveURL(/\/provision\/[0-9a-f]{16}$/)
  const mine = (await mockApi.state()).deployments.filter((d) => d.sovereignFQDN === FQDN)
  expect(mine).toHaveLength(1)
  expect(page.url()).toMatch(new RegExp(`/provision/${mine[0]!.id}$`))
  expect(mine[0]!.ownerEmail).toBe(EMAIL)
  // One request, carrying the attempt's key.
  expect(posts).toHaveLength(1)
  expect(posts[0]!.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/)

  const shell = new ShellPage(page)
  await shell.openNotifications()
  await expect(shell.notificationItems().filter({ hasText: `${FQDN} was launched` })).toContainText(
    'nothing was launched twice',
  )
})

test('when the check finds nothing either, Retry sends the same key and gets the same deployment', async ({
  page,
  mockApi,
}) => {
  const wizard = await reachReview(page)
  const posts = launchPosts(page)
  // The answer is lost and so is the list the console checks: the outcome stays unknown.
  await mockApi.dropResponseAfterMutation([LAUNCH, { method: 'GET', path: '/api/v1/deployments' }])
  await wizard.launch().click()

  await expect(page.getByRole('alert').filter({ hasText: 'may have gone through' })).toContainText(
    'cannot start a second deployment',
  )
  const [created] = (await mockApi.state()).deployments.filter((d) => d.sovereignFQDN === FQDN)
  expect(created).toBeDefined()

  await mockApi.dropResponseAfterMutation(null)
  await wizard.form.getByRole('button', { name: 'Retry launch' }).click()
  await expect(page).toHaveURL(new RegExp(`/provision/${created!.id}$`))
  expect((await mockApi.state()).deployments.filter((d) => d.sovereignFQDN === FQDN)).toHaveLength(1)
  expect(posts).toHaveLength(2)
  expect(posts[1]!.headers()['idempotency-key']).toBe(posts[0]!.headers()['idempotency-key'])
})
