import { expectNoSeriousA11yViolations } from '../axe.ts'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { JobDetailPage } from '../pages/JobDetailPage.ts'
import { PalettePage } from '../pages/PalettePage.ts'
import { SettingsPage } from '../pages/SettingsPage.ts'
import { ShellPage } from '../pages/ShellPage.ts'

/**
 * Issue 15 item 2: the console hides or disables what the session's tier cannot do, says why in plain words,
 * and reads the server's words when it refuses anyway (a stale page). Tiers per contract §1.2: owner and
 * admin may do all of this, a viewer none of it. On the mothership a viewer sees only their own
 * deployments, so each test signs in as the owner of the deployment it opens.
 */

type Tier = 'owner' | 'admin' | 'viewer'
const TIERS: Tier[] = ['owner', 'admin', 'viewer']

// Each test walks three tiers through several pages on a shared 2-core machine.
test.slow()

const WORDS = {
  launch: 'Your role (viewer) cannot launch a deployment: it needs an operator or above.',
  retry: 'Your role (viewer) cannot retry a job: it needs an operator or above.',
  watch: 'Your role (viewer) cannot refresh the component watch: it needs a developer or above.',
  mint: 'Your role (viewer) cannot hand over a Sovereign: it needs an operator or above.',
  publish: 'Your role (viewer) cannot publish apps to the marketplace: it needs an admin or above.',
}

const FAILED = ESTATE.failedChart // owned by ops@omani.works, install-harbor failed
const OPS = 'ops@omani.works'

test('New deployment per tier: nav, list, fleet and palette offer it only to who may launch; the wizard says why', async ({
  page,
  signIn,
}) => {
  const shell = new ShellPage(page)
  const palette = new PalettePage(page)
  for (const tier of TIERS) {
    await signIn({ email: OPS, tier })
    await page.goto('/deployments')
    const note = page.getByRole('note').filter({ hasText: WORDS.launch })
    const newButton = page.getByRole('main').getByRole('link', { name: '+ New deployment' })
    if (tier === 'viewer') {
      await expect(note).toBeVisible()
      await expect(newButton).toHaveCount(0)
      await expect(shell.navLink('New deployment')).toHaveCount(0)
      await expect(shell.navLink('Deployments')).toBeVisible()
    } else {
      await expect(newButton).toBeVisible()
      await expect(shell.navLink('New deployment')).toBeVisible()
      await expect(note).toHaveCount(0)
    }

    // The palette never offers a command the session cannot run (keyboard: Ctrl+K, type, look).
    await palette.open()
    await palette.input.fill('deployment')
    // The pages match for every tier (the list has loaded its results)…
    await expect(palette.list.getByRole('option', { name: /^Page Deployments/ })).toBeVisible()
    // …the command only for who may launch.
    await expect(palette.list.getByRole('option', { name: /^Action New deployment/ })).toHaveCount(
      tier === 'viewer' ? 0 : 1,
    )
    await page.keyboard.press('Escape')
    await expect(palette.dialog).toHaveCount(0)

    await page.goto('/app/dashboard')
    await expect(page.getByRole('heading', { level: 1, name: 'Fleet' })).toBeVisible()
    const fleetButton = page.getByRole('main').getByRole('link', { name: '+ New deployment' })
    if (tier === 'viewer') {
      await expect(page.getByRole('note').filter({ hasText: WORDS.launch })).toBeVisible()
      await expect(fleetButton).toHaveCount(0)
    } else await expect(fleetButton).toBeVisible()

    // Straight to the wizard: the reason is said before the steps, not only at Launch.
    await page.goto('/wizard')
    await expect(page.getByRole('heading', { level: 1, name: 'New deployment' })).toBeVisible()
    await expect(page.getByRole('note').filter({ hasText: WORDS.launch })).toHaveCount(
      tier === 'viewer' ? 1 : 0,
    )
  }
  // The last round was the viewer's: the gated list and wizard pass axe.
  await expectNoSeriousA11yViolations(page, 'wizard, viewer')
  await page.goto('/deployments')
  await expect(page.getByRole('note').filter({ hasText: WORDS.launch })).toBeVisible()
  await expectNoSeriousA11yViolations(page, 'deployments, viewer')
})

test('job Retry per tier: enabled for owner and admin, disabled with the reason for a viewer (job page and root cause)', async ({
  page,
  signIn,
}) => {
  const detail = new JobDetailPage(page)
  for (const tier of TIERS) {
    await signIn({ email: OPS, tier })
    await detail.goto({ deploymentId: FAILED.id, jobName: 'install-harbor' })
    await expect(detail.retry).toBeVisible()
    const cause = page
      .getByRole('region', { name: 'Why it failed' })
      .getByRole('button', { name: /^Retry .*harbor/ })
    if (tier === 'viewer') {
      await expect(detail.retry).toBeDisabled()
      await expect(detail.retry).toHaveAccessibleDescription(WORDS.retry)
      await expect(cause).toBeDisabled()
      await expect(cause).toHaveAccessibleDescription(WORDS.retry)
    } else {
      await expect(detail.retry).toBeEnabled()
      await expect(cause).toBeEnabled()
      await expect(page.getByText(WORDS.retry)).toHaveCount(0)
    }
  }
  await expectNoSeriousA11yViolations(page, 'job detail, viewer')
})

test('Settings per tier: refresh watch, mint handover link and marketplace publish are disabled with the reason for a viewer', async ({
  page,
  signIn,
  baseURL,
}) => {
  const settings = new SettingsPage(page)
  const { id, fqdn } = ESTATE.ready // owned by alice@acme.io, ready and not adopted: a link can be minted
  const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
  for (const tier of TIERS) {
    await signIn({ email: 'alice@acme.io', tier })
    await page.goto(`/provision/${id}/settings`)
    await expect(settings.heading).toBeVisible()
    await expect(settings.values).toContainText(fqdn)
    if (tier === 'viewer') {
      await expect(settings.refreshWatch).toBeDisabled()
      await expect(settings.refreshWatch).toHaveAccessibleDescription(WORDS.watch)
      await expect(settings.mintHandover).toBeDisabled()
      await expect(settings.mintHandover).toHaveAccessibleDescription(WORDS.mint)
    } else {
      await expect(settings.refreshWatch).toBeEnabled()
      await expect(settings.mintHandover).toBeEnabled()
      await expect(settings.actions.getByRole('note')).toHaveCount(0)
    }

    // The marketplace lives on the Sovereign's own console.
    await signIn({ origin, tier })
    await page.goto(`${origin}/settings`)
    const cilium = settings.publish('cilium')
    await expect(cilium).toBeVisible()
    if (tier === 'viewer') {
      await expect(cilium).toBeDisabled()
      await expect(cilium).toHaveAccessibleDescription(WORDS.publish)
    } else await expect(cilium).toBeEnabled()
  }
  await expectNoSeriousA11yViolations(page, 'sovereign settings, viewer')
  await page.goto(`/provision/${id}/settings`)
  await expect(settings.mintHandover).toBeDisabled()
  await expectNoSeriousA11yViolations(page, 'mothership settings, viewer')
})

test('a refusal the page did not expect (its role lowered meanwhile) reads the server’s plain words, then the control gates itself', async ({
  page,
  signIn,
  baseURL,
}) => {
  const detail = new JobDetailPage(page)
  await signIn({ email: OPS, tier: 'owner' })
  await detail.goto({ deploymentId: FAILED.id, jobName: 'install-harbor' })
  await expect(detail.retry).toBeEnabled()

  // The same person is now a viewer; the page still holds the owner's whoami.
  await signIn({ email: OPS, tier: 'viewer' })
  const forced = await page.request.post(`/api/v1/deployments/${FAILED.id}/jobs/install-harbor/retry`, {
    headers: { 'content-type': 'application/json', origin: baseURL! },
  })
  expect(forced.status()).toBe(403)
  expect(await forced.json()).toEqual({ error: 'forbidden', detail: WORDS.retry })

  await detail.retry.click()
  // The server's words alone, not "Retry failed: …" around them.
  await expect(page.getByRole('alert').filter({ hasText: 'Your role' })).toHaveText(WORDS.retry)
  // The refusal made the console re-read the session: Retry is now disabled with the same reason.
  await expect(detail.retry).toBeDisabled()
  await expect(detail.retry).toHaveAccessibleDescription(WORDS.retry)
  await expectNoSeriousA11yViolations(page, 'job detail after a refusal')
})
