import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { ShellPage } from '../pages/ShellPage.ts'

/**
 * The signed-in frame: sidebar sections per mode with the current one marked, header (mode badge, page
 * title, notifications, theme, profile), the deployment context strip, and the mothership-only surfaces
 * that must never exist on a Sovereign.
 */

test.describe('navigation', () => {
  test('mothership: its sections, the deployment section when one is in scope, the current one marked', async ({
    page,
    signIn,
  }) => {
    await signIn()
    const shell = new ShellPage(page)
    await page.goto('/deployments')
    await expect(shell.modeBadge).toHaveText('Mothership console')
    await expect(shell.navLink('Deployments')).toHaveAttribute('aria-current', 'page')
    await expect(shell.navLink('New deployment')).toBeVisible()
    await expect(shell.navLink('Fleet')).toHaveAttribute('href', '/app/dashboard')
    await expect(shell.navLink('Jobs')).toHaveCount(0)
    await expect(shell.strip).toHaveCount(0)
    await expect(shell.currentNav()).toHaveCount(1)

    const dep = ESTATE.ready.id
    await page.goto(`/provision/${dep}/jobs/install-nbg1-1%3Acilium`)
    await expect(shell.nav).toContainText(ESTATE.ready.fqdn)
    await expect(shell.navLink('Jobs')).toHaveAttribute('aria-current', 'page')
    await expect(shell.currentNav()).toHaveCount(1)
    for (const [name, path] of [
      ['Overview', ''],
      ['Dashboard', '/dashboard'],
      ['Apps', '/apps'],
      ['Jobs', '/jobs'],
      ['Cloud', '/cloud'],
      ['Users', '/users'],
    ] as const)
      await expect(shell.navLink(name)).toHaveAttribute('href', `/provision/${dep}${path}`)
    await expect(shell.header).toContainText('Job')

    await shell.navLink('Cloud').click()
    await expect(page).toHaveURL(new RegExp(`/provision/${dep}/cloud$`))
    await expect(shell.navLink('Cloud')).toHaveAttribute('aria-current', 'page')
    await expect(shell.navLink('Jobs')).not.toHaveAttribute('aria-current', 'page')
    await expect(page).toHaveTitle('Cloud · Catalyst')
    await shell.navLink('Overview').click()
    await expect(shell.navLink('Overview')).toHaveAttribute('aria-current', 'page')
    await expect(shell.currentNav()).toHaveCount(1)
    await page.goto(`/provision/${dep}/app/bp-alloy`)
    await expect(shell.navLink('Apps')).toHaveAttribute('aria-current', 'page')
  })

  test('under the /sovereign basepath every nav link keeps it', async ({ page, signIn, baseURL }) => {
    await signIn()
    const shell = new ShellPage(page)
    const dep = ESTATE.ready.id
    await page.goto(`${baseURL}/sovereign/provision/${dep}/jobs`)
    await expect(shell.navLink('Jobs')).toHaveAttribute('aria-current', 'page')
    await expect(shell.navLink('Deployments')).toHaveAttribute('href', '/sovereign/deployments')
    await expect(shell.navLink('Users')).toHaveAttribute('href', `/sovereign/provision/${dep}/users`)
    await shell.navLink('Users').click()
    await expect(page).toHaveURL(`${baseURL}/sovereign/provision/${dep}/users`)
    await expect(shell.navLink('Users')).toHaveAttribute('aria-current', 'page')
  })

  test('Sovereign: clean URLs, its own sections only, the current one marked', async ({
    page,
    signIn,
    baseURL,
  }) => {
    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await signIn({ origin })
    const shell = new ShellPage(page)
    await page.goto(`${origin}/app/bp-alloy`)
    await expect(shell.modeBadge).toHaveText(`Sovereign console ${ESTATE.adopted.fqdn}`)
    await expect(shell.navLink('Apps')).toHaveAttribute('aria-current', 'page')
    for (const [name, path] of [
      ['Dashboard', '/dashboard'],
      ['Apps', '/apps'],
      ['Jobs', '/jobs'],
      ['Cloud', '/cloud'],
      ['Users', '/users'],
    ] as const)
      await expect(shell.navLink(name)).toHaveAttribute('href', path)
    for (const mothershipOnly of ['Deployments', 'New deployment', 'Fleet', 'Overview'])
      await expect(shell.navLink(mothershipOnly)).toHaveCount(0)
    await shell.navLink('Jobs').click()
    await expect(page).toHaveURL(`${origin}/jobs`)
    await expect(shell.navLink('Jobs')).toHaveAttribute('aria-current', 'page')
    await expect(shell.currentNav()).toHaveCount(1)
    await expect(page).toHaveTitle(`Jobs · ${ESTATE.adopted.fqdn}`)
  })
})

test.describe('deployment context strip', () => {
  test('a running deployment: FQDN, status, finished/total with a bar, a ticking clock', async ({
    page,
    signIn,
    mockApi,
  }) => {
    await signIn()
    await mockApi.run(1)
    const shell = new ShellPage(page)
    await page.goto(`/provision/${ESTATE.live.id}/jobs`)
    await expect(shell.strip.getByRole('link', { name: ESTATE.live.fqdn })).toHaveAttribute(
      'href',
      `/provision/${ESTATE.live.id}`,
    )
    await expect(shell.strip).toContainText('Installing')
    const bar = shell.strip.getByRole('progressbar', { name: 'Jobs finished' })
    await expect(bar).toHaveAttribute('aria-valuemax', '138')
    const finished = Number(await bar.getAttribute('aria-valuenow'))
    expect(finished).toBeGreaterThan(50)
    expect(finished).toBeLessThan(138)
    await expect(shell.strip).toContainText(`${finished}/138 jobs`)
    const elapsed = shell.strip.getByText(/^Elapsed /)
    const first = await elapsed.textContent()
    await expect(elapsed).not.toHaveText(first!, { timeout: 4000 })
  })

  test('a settled deployment shows how long it took and links its failures', async ({ page, signIn }) => {
    await signIn()
    const shell = new ShellPage(page)
    await page.goto(`/provision/${ESTATE.ready.id}`)
    await expect(shell.strip).toContainText('Ready')
    await expect(shell.strip).toContainText('149/149 jobs')
    await expect(shell.strip).toContainText(/Took 34m \d\ds/)

    await page.goto(`/provision/${ESTATE.failedChart.id}/users`)
    await expect(shell.strip).toContainText('Failed')
    await shell.strip.getByRole('link', { name: '1 failed' }).click()
    await expect(page).toHaveURL(new RegExp(`/provision/${ESTATE.failedChart.id}/jobs\\?status=failed$`))
  })

  test('on a Sovereign the strip is its own deployment, on every page', async ({ page, signIn, baseURL }) => {
    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await signIn({ origin })
    const shell = new ShellPage(page)
    for (const path of ['/dashboard', '/users', '/jobs/timeline']) {
      await page.goto(`${origin}${path}`)
      await expect(shell.strip.getByRole('link', { name: ESTATE.adopted.fqdn })).toHaveAttribute(
        'href',
        '/dashboard',
      )
      await expect(shell.strip).toContainText('Adopted')
    }
  })

  test('a run this tab watches settling raises one notification', async ({ page, signIn, mockApi }) => {
    await signIn()
    const shell = new ShellPage(page)
    await page.goto(`/provision/${ESTATE.live.id}`)
    await expect(shell.strip).toContainText('Installing')
    await mockApi.advance(90 * 60_000)
    // The record is polled every 5 s while in flight.
    await expect(shell.strip).toContainText(/Ready|Adopted/, { timeout: 10_000 })
    await expect(shell.bell).toHaveAccessibleName('Notifications, 1 unread')
    await shell.openNotifications()
    await expect(shell.notificationItems()).toHaveCount(1)
    await expect(shell.notificationItems().first()).toContainText(`${ESTATE.live.fqdn}: `)
    await expect(shell.notificationItems().first()).toContainText('Success')
  })
})

test.describe('notifications', () => {
  test('bell count, panel, severity filter, dismiss, clear, de-duplication, survives a reload', async ({
    page,
    signIn,
  }) => {
    await signIn()
    const shell = new ShellPage(page)
    await page.goto('/deployments')
    await expect(shell.bell).toHaveAccessibleName('Notifications')
    const levels = ['error', 'warn', 'info', 'success'] as const
    for (let i = 0; i < 12; i++)
      await shell.raiseNotification({
        id: `n${i}`,
        level: levels[i % 4]!,
        title: `Item ${i}`,
        body: `Body ${i}`,
      })
    await expect(shell.bell).toHaveAccessibleName('Notifications, 12 unread')
    await expect(shell.bell).toHaveText(/9\+/)
    // Same id again: replaced, not duplicated.
    await shell.raiseNotification({ id: 'n0', level: 'error', title: 'Item 0 (updated)' })
    await expect(shell.bell).toHaveAccessibleName('Notifications, 12 unread')

    await shell.openNotifications()
    await expect(shell.notificationItems()).toHaveCount(12)
    await expect(shell.notificationItems().first()).toContainText('Item 0 (updated)')
    await expect(shell.notificationItems().first()).toContainText('Error')
    await expect(shell.bell).toHaveAccessibleName('Notifications')
    await shell.notifications.getByRole('button', { name: /^Errors/ }).click()
    await expect(shell.notificationItems()).toHaveCount(3)
    await shell.notifications.getByRole('button', { name: /^Warnings/ }).click()
    await expect(shell.notificationItems()).toHaveCount(3)
    await expect(shell.notificationItems().first()).toContainText('Warning')
    await shell.notifications.getByRole('button', { name: /^All/ }).click()
    await shell.notifications.getByRole('button', { name: 'Dismiss: Item 5' }).click()
    await expect(shell.notificationItems()).toHaveCount(11)
    await expect(shell.notifications).not.toContainText('Item 5')
    // Escape closes and gives focus back to the bell.
    await page.keyboard.press('Escape')
    await expect(shell.notifications).toBeHidden()
    await expect(shell.bell).toBeFocused()

    await page.reload()
    await shell.openNotifications()
    await expect(shell.notificationItems()).toHaveCount(11)
    await shell.notifications.getByRole('button', { name: 'Clear all' }).click()
    await expect(shell.notifications).toContainText('No notifications.')
    await page.reload()
    await expect(shell.bell).toHaveAccessibleName('Notifications')
  })

  test('a hostile notification renders as inert text', async ({ page, signIn }) => {
    await signIn()
    const shell = new ShellPage(page)
    await page.goto('/deployments')
    await shell.raiseNotification({
      id: 'x',
      level: 'error',
      title: '<img src=x onerror=alert(1)>',
      body: '<b>bold</b>',
    })
    await shell.openNotifications()
    await expect(shell.notificationItems().first()).toContainText('<img src=x onerror=alert(1)>')
    await expect(shell.notifications.locator('img, b')).toHaveCount(0)
  })
})

test.describe('mothership-only surfaces', () => {
  test('the malformed deployment id notice appears on the mothership', async ({ page, signIn }) => {
    await signIn()
    const shell = new ShellPage(page)
    await page.goto('/provision/NOT-A-REAL-ID/apps')
    await expect(shell.malformedNotice).toContainText('NOT-A-REAL-ID')
    await expect(shell.bell).toHaveAccessibleName('Notifications, 1 unread')
    await shell.openNotifications()
    await expect(shell.notificationItems().first()).toContainText('Deployment id in the URL is malformed')
  })

  test('never on a Sovereign: fleet, New deployment, handover, malformed id, monitoring notices (regressions 48–50)', async ({
    page,
    signIn,
    baseURL,
  }) => {
    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await signIn({ origin })
    const shell = new ShellPage(page)
    for (const path of ['/apps', '/app/bp-alloy', '/jobs', '/dashboard', '/cloud', '/users']) {
      await page.goto(`${origin}${path}`)
      await expect(shell.strip).toContainText(ESTATE.adopted.fqdn)
      await expect(shell.malformedNotice).toHaveCount(0)
      await expect(page.getByRole('button', { name: /New deployment/ })).toHaveCount(0)
      await expect(page.getByRole('link', { name: /New deployment|Fleet/ })).toHaveCount(0)
      await expect(page.getByText(/Open your Sovereign console|Sovereign is ready/)).toHaveCount(0)
    }
    // Notifications that belong to mothership-only surfaces are dropped here, whoever raises them.
    for (const surface of ['malformedDeploymentId', 'componentMonitoringUnavailable', 'handover'])
      await shell.raiseNotification({ id: surface, level: 'warn', title: `raised by ${surface}`, surface })
    await shell.raiseNotification({
      id: 'ok',
      level: 'info',
      title: 'A normal one',
      surface: 'deploymentStrip',
    })
    await expect(shell.bell).toHaveAccessibleName('Notifications, 1 unread')
    await shell.openNotifications()
    await expect(shell.notificationItems()).toHaveCount(1)
    await expect(shell.notifications).not.toContainText(/malformed|monitoring|handover/i)
    expect(page.url()).toBe(`${origin}/users`)
  })
})
