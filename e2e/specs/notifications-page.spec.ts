import type { Page } from '@playwright/test'
import { expectNoSeriousA11yViolations } from '../axe.ts'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { AppsPage } from '../pages/AppsPage.ts'
import { ShellPage } from '../pages/ShellPage.ts'

/** Issue 16 item 6: `/notifications` in both consoles, and the regression-49 notice raised for real. */

const { id: READY, fqdn: READY_FQDN } = ESTATE.ready
const { id: LIVE, fqdn: LIVE_FQDN } = ESTATE.live

const list = (p: Page) => p.getByRole('list', { name: 'Notifications' })
const item = (p: Page, title: string) => list(p).getByRole('listitem', { name: new RegExp(`^${title}`) })
const filters = (p: Page) => p.getByRole('search', { name: 'Filter notifications' })

async function raiseThree(shell: ShellPage) {
  await shell.raiseNotification({
    id: 'n-ready-failed',
    level: 'error',
    title: `${READY_FQDN}: Failed`,
    body: 'The run stopped with a failure.',
    deploymentId: READY,
    deploymentLabel: READY_FQDN,
    href: `/provision/${READY}/jobs?status=failed`,
    hrefLabel: 'Show failed jobs',
  })
  await shell.raiseNotification({
    id: 'n-live-warn',
    level: 'warn',
    title: `${LIVE_FQDN}: slow`,
    deploymentId: LIVE,
    deploymentLabel: LIVE_FQDN,
  })
  await shell.raiseNotification({ id: 'n-console', level: 'info', title: 'Console updated' })
}

test('the page holds everything the bell holds: filters in the URL, mark read one or all, links to the subject', async ({
  page,
  signIn,
}) => {
  await signIn()
  const shell = new ShellPage(page)
  await page.goto('/notifications')
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No notifications' })).toBeVisible()

  await raiseThree(shell)
  await expect(list(page).getByRole('listitem')).toHaveCount(3)
  await expect(page.getByText('3 in this tab, 3 unread.')).toBeVisible()
  await expect(shell.bell).toHaveAccessibleName('Notifications, 3 unread')

  // Severity and deployment filters live in the URL and come back from it.
  await filters(page).getByLabel('Severity').selectOption('error')
  await expect(page).toHaveURL(/\/notifications\?level=error$/)
  await expect(list(page).getByRole('listitem')).toHaveCount(1)
  await filters(page).getByLabel('Severity').selectOption('')
  await filters(page)
    .getByLabel('Deployment')
    .selectOption({ label: `${LIVE_FQDN} (1)` })
  await expect(page).toHaveURL(`/notifications?deployment=${LIVE}`)
  await expect(list(page).getByRole('listitem')).toHaveCount(1)
  await expect(item(page, `${LIVE_FQDN}: slow`)).toBeVisible()
  await page.reload()
  await expect(filters(page).getByLabel('Deployment')).toHaveValue(LIVE)
  await expect(list(page).getByRole('listitem')).toHaveCount(1)
  await filters(page).getByLabel('Deployment').selectOption({ label: 'About no deployment' })
  await expect(list(page).getByRole('listitem')).toHaveCount(1)
  await expect(item(page, 'Console updated')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page).toHaveURL('/notifications')

  // Mark one read (keyboard), then all.
  await page.getByRole('button', { name: 'Mark as read: Console updated' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByText('3 in this tab, 2 unread.')).toBeVisible()
  await expect(shell.bell).toHaveAccessibleName('Notifications, 2 unread')
  await filters(page).getByLabel('Unread only').check()
  await expect(page).toHaveURL('/notifications?unread=1')
  await expect(list(page).getByRole('listitem')).toHaveCount(2)
  await page.getByRole('button', { name: 'Mark all as read' }).click()
  await expect(page.getByRole('heading', { name: 'No notifications match' })).toBeVisible()
  await expect(shell.bell).toHaveAccessibleName('Notifications')
  await expect(page.getByRole('button', { name: 'Mark all as read' })).toBeDisabled()
  await filters(page).getByLabel('Unread only').uncheck()

  // Each notice links to what it is about.
  await item(page, `${READY_FQDN}: Failed`).getByRole('link', { name: 'Show failed jobs' }).click()
  await expect(page).toHaveURL(`/provision/${READY}/jobs?status=failed`)

  // The bell's panel leads here.
  await shell.openNotifications()
  await shell.notifications.getByRole('link', { name: 'All notifications' }).click()
  await expect(page).toHaveURL('/notifications')
  await expect(shell.notifications).toBeHidden()
  await expect(list(page).getByRole('listitem')).toHaveCount(3)
})

test('on a Sovereign: the same page inside its own console', async ({ page, signIn, baseURL }) => {
  const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
  await signIn({ origin })
  const shell = new ShellPage(page)
  await page.goto(`${origin}/notifications`)
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible()
  await expect(shell.navLink('Settings')).toHaveAttribute('href', '/settings')
  await shell.raiseNotification({
    id: 'sov',
    level: 'success',
    title: `${ESTATE.adopted.fqdn}: Ready`,
    deploymentId: ESTATE.adopted.id,
    deploymentLabel: ESTATE.adopted.fqdn,
    href: '/jobs',
    hrefLabel: 'Open',
  })
  // A mothership-only notice never lands here (regression 49).
  await shell.raiseNotification({
    id: 'mon',
    level: 'warn',
    title: 'Per-component install monitoring is unavailable',
    surface: 'componentMonitoringUnavailable',
  })
  await expect(list(page).getByRole('listitem')).toHaveCount(1)
  await filters(page).getByLabel('Severity').selectOption('success')
  await expect(page).toHaveURL(`${origin}/notifications?level=success`)
  await item(page, `${ESTATE.adopted.fqdn}: Ready`).getByRole('link', { name: 'Open' }).click()
  await expect(page).toHaveURL(`${origin}/jobs`)
})

/**
 * The "Per-component install monitoring is unavailable" notice, raised by the real condition: a run in
 * Phase 1 whose `components/state` is refused (an older catalyst-api without the endpoint answers 404).
 */
const refuseComponentState = (page: Page, id: string) =>
  page.route(`**/api/v1/deployments/${id}/components/state`, (route) =>
    route.fulfill({ status: 404, contentType: 'text/plain', body: '404 page not found' }),
  )

test('regression 49 for real: the Apps page of a Phase-1 run without component monitoring raises the notice, with a link to Settings', async ({
  page,
  signIn,
}) => {
  await signIn()
  const shell = new ShellPage(page)
  await refuseComponentState(page, LIVE)
  await page.goto(`/provision/${LIVE}/apps`)
  await expect(new AppsPage(page).heading).toBeVisible()
  await expect(shell.bell).toHaveAccessibleName('Notifications, 1 unread')
  await page.goto('/notifications')
  const notice = item(page, 'Per-component install monitoring is unavailable')
  await expect(notice).toContainText(LIVE_FQDN)
  await notice.getByRole('link', { name: 'Open Settings' }).click()
  await expect(page).toHaveURL(`/provision/${LIVE}/settings`)
})

test('regression 49 for real: with component monitoring answering, no notice', async ({ page, signIn }) => {
  await signIn()
  const shell = new ShellPage(page)
  const answered = page.waitForResponse(
    (r) => r.url().endsWith(`/deployments/${LIVE}/components/state`) && r.status() === 200,
  )
  await page.goto(`/provision/${LIVE}/apps`)
  await expect(new AppsPage(page).heading).toBeVisible()
  await answered
  await expect(page.getByRole('article').first()).toBeVisible()
  await expect(shell.bell).toHaveAccessibleName('Notifications')
})

test('regression 49 for real: never on a Sovereign, under the very same condition', async ({
  page,
  signIn,
  baseURL,
}) => {
  const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
  await signIn({ origin })
  const shell = new ShellPage(page)
  const id = ESTATE.adopted.id
  // The record says Phase 1 and component monitoring is refused, exactly as on the mothership above.
  await page.goto(`${origin}/notifications`)
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible()
  const record = await page.evaluate(async (dep) => {
    const res = await fetch(`/api/v1/deployments/${dep}`)
    return (await res.json()) as Record<string, unknown>
  }, id)
  let servedPhase1 = false
  await page.route(`**/api/v1/deployments/${id}`, async (route) => {
    servedPhase1 = true
    await route.fulfill({ json: { ...record, status: 'phase1-watching', adoptedAt: undefined } })
  })
  await refuseComponentState(page, id)
  await page.goto(`${origin}/apps`)
  await expect(new AppsPage(page).heading).toBeVisible()
  await expect(page.getByRole('article').first()).toBeVisible()
  await expect.poll(() => servedPhase1).toBe(true)
  await expect(shell.strip).toContainText('Installing')
  await expect(shell.bell).toHaveAccessibleName('Notifications')
  await page.goto(`${origin}/notifications`)
  await expect(page.getByRole('heading', { name: 'No notifications' })).toBeVisible()
})

test('axe: Notifications in both consoles and both themes', async ({ page, signIn, baseURL }) => {
  const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
  await signIn()
  await signIn({ origin })
  const shell = new ShellPage(page)
  for (const scheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const url of ['/notifications', `${origin}/notifications`]) {
      await page.goto(url)
      await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible()
      await raiseThree(shell)
      // One read notice next to unread ones (the tab keeps earlier ones: a new id per page).
      const title = `Checked ${scheme} ${url.startsWith('/') ? 'mothership' : 'sovereign'}`
      await shell.raiseNotification({ id: title, level: 'success', title })
      await page.getByRole('button', { name: `Mark as read: ${title}` }).click()
      await expect(page.getByRole('button', { name: `Mark as read: ${title}` })).toHaveCount(0)
      await expect(item(page, title)).toBeVisible()
      await expectNoSeriousA11yViolations(page, `notifications ${url} (${scheme})`)
    }
  }
})
