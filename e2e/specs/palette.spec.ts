import { expectNoSeriousA11yViolations } from '../axe.ts'
import { afterTwoFrames } from '../frames.ts'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { JobDetailPage } from '../pages/JobDetailPage.ts'
import { PalettePage } from '../pages/PalettePage.ts'
import { ShellPage } from '../pages/ShellPage.ts'

/** Issue 18 item 4: the command palette in both consoles. */

const DEGRADED = ESTATE.degraded
const LIVE = ESTATE.live

test.describe('mothership', () => {
  test('Ctrl+K, a partial FQDN, Enter lands on the deployment; it is listed first (recent) on reopen', async ({
    page,
    signIn,
    baseURL,
  }) => {
    await signIn()
    const shell = new ShellPage(page)
    const palette = new PalettePage(page)
    await page.goto('/deployments')
    await shell.expectHeading('Deployments')
    await palette.open()
    // Before any use: the suggested actions and pages, none marked recent.
    await expect(palette.options.first()).toHaveAccessibleName(/^Action New deployment/)
    await expect(palette.options.filter({ hasText: 'Recent' })).toHaveCount(0)

    await palette.search('edge.nor', /^Deployment edge\.northwind\.eu/)
    await page.keyboard.press('Enter')
    await expect(palette.dialog).toBeHidden()
    await expect(page).toHaveURL(`${baseURL}/provision/${DEGRADED.id}`)
    await expect(shell.strip).toContainText(DEGRADED.fqdn)

    await palette.open()
    await palette.expectActiveIs(/^Deployment edge\.northwind\.eu.*Recent$/)
    // Recents hold ids only: nothing a user typed, no labels.
    const stored = await page.evaluate(() => window.localStorage.getItem('cc-palette-recent'))
    expect(JSON.parse(stored!)).toEqual([`dep:${DEGRADED.id}`])
  })

  test('by id and by organisation; fuzzy: letters in order, not together', async ({
    page,
    signIn,
    mockApi,
    baseURL,
  }) => {
    const polar = await mockApi.createDeployment({
      sovereignFQDN: 'ice.example.org',
      orgName: 'Polar Research Institute',
    })
    await signIn()
    const shell = new ShellPage(page)
    const palette = new PalettePage(page)
    // List rows carry no org (contract §3.1): the palette knows it for records the console has loaded.
    await page.goto(`/provision/${polar.id}`)
    await expect(shell.strip).toContainText('ice.example.org')
    await palette.open()
    await palette.search('polar res', /^Deployment ice\.example\.org/)
    await expect(palette.active()).toContainText('Polar Research Institute')
    await palette.search(ESTATE.degraded.id.slice(0, 6), /^Deployment edge\.northwind\.eu/)
    await palette.search('edgnorth', /^Deployment edge\.northwind\.eu/)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(`${baseURL}/provision/${ESTATE.degraded.id}`)
  })

  test('a job of the current deployment by name; arrows, Home and End move the active option', async ({
    page,
    signIn,
    baseURL,
  }) => {
    await signIn()
    const shell = new ShellPage(page)
    const palette = new PalettePage(page)
    await page.goto(`/provision/${LIVE.id}/jobs`)
    await shell.expectHeading('Jobs')
    await palette.open()
    await palette.search('install-cil', /^Job install-cilium\b/)
    const count = await palette.options.count()
    expect(count).toBeGreaterThan(1)
    await page.keyboard.press('End')
    await expect(palette.options.last()).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('ArrowDown')
    await expect(palette.options.first()).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('ArrowUp')
    await expect(palette.options.last()).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('Home')
    await palette.expectActiveIs(/^Job install-cilium\b/)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(`${baseURL}/provision/${LIVE.id}/jobs/install-cilium`)
    await shell.expectHeading(/install-cilium/)
  })

  test('an action: toggle the theme (persisted like the header toggle)', async ({ page, signIn }) => {
    await signIn()
    const shell = new ShellPage(page)
    const palette = new PalettePage(page)
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.goto('/deployments')
    await shell.expectHeading('Deployments')
    expect(await shell.theme()).toBe('dark')
    await palette.open()
    await palette.search('theme', 'Action Switch to light theme')
    await page.keyboard.press('Enter')
    await expect.poll(() => shell.theme()).toBe('light')
    expect(await page.evaluate(() => window.localStorage.getItem('cc-theme'))).toBe('light')
    await expect(shell.themeToggle).toHaveAccessibleName('Switch to dark theme')
    await palette.open()
    await palette.expectActiveIs(/^Action Switch to dark theme.*Recent$/)
  })

  test('an app and a page of the current deployment', async ({ page, signIn, baseURL }) => {
    await signIn()
    const shell = new ShellPage(page)
    const palette = new PalettePage(page)
    // (Not the ready deployment: its overview hands over to the Sovereign console after 5 s.)
    await page.goto(`/provision/${LIVE.id}`)
    await expect(shell.strip).toContainText(LIVE.fqdn)
    await palette.open()
    await palette.search('harbor', /^App Harbor/)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(`${baseURL}/provision/${LIVE.id}/app/bp-harbor`)
    await palette.open()
    await palette.search('timeline', /^Page Jobs timeline/)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(`${baseURL}/provision/${LIVE.id}/jobs/timeline`)
  })

  test('an action: copy the kubeconfig link of the current deployment', async ({
    page,
    signIn,
    baseURL,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await signIn()
    const shell = new ShellPage(page)
    const palette = new PalettePage(page)
    await page.goto(`/provision/${LIVE.id}/cloud`)
    await expect(shell.strip).toContainText(LIVE.fqdn)
    await palette.open()
    await palette.search('kubeconfig', /^Action Copy kubeconfig link/)
    await page.keyboard.press('Enter')
    await expect(palette.dialog).toBeHidden()
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`${baseURL}/api/v1/deployments/${LIVE.id}/kubeconfig`)
    await shell.openNotifications()
    await expect(shell.notificationItems().first()).toContainText('Kubeconfig link copied')
  })

  test('never fires while typing in the log terminal', async ({ page, signIn }) => {
    await signIn()
    const palette = new PalettePage(page)
    const job = new JobDetailPage(page)
    await page.goto(`/provision/${LIVE.id}/jobs/install-cilium`)
    await expect(job.log).toBeVisible()
    // The palette's chunk is loaded (a miss below is the guard, not a slow import).
    await palette.open()
    await page.keyboard.press('Escape')
    await expect(palette.dialog).toBeHidden()
    await job.log.click()
    expect(await page.evaluate(() => !!document.activeElement?.closest('.xterm'))).toBe(true)
    await page.keyboard.press('Control+K')
    await afterTwoFrames(page)
    await expect(palette.dialog).toHaveCount(0)
  })

  test('Escape closes and restores focus (shortcut and header button); never fires while typing', async ({
    page,
    signIn,
  }) => {
    await signIn()
    const shell = new ShellPage(page)
    const palette = new PalettePage(page)
    await page.goto('/deployments')
    await shell.expectHeading('Deployments')
    const fleet = shell.navLink('Fleet')
    await fleet.focus()
    await palette.open()
    await page.keyboard.press('Escape')
    await expect(palette.dialog).toBeHidden()
    await expect(fleet).toBeFocused()

    // For mouse users: a visible button in the header, named for what it does.
    await expect(palette.button).toBeVisible()
    await palette.button.click()
    await expect(palette.input).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(palette.dialog).toBeHidden()
    await expect(palette.button).toBeFocused()

    // Typing in a field: Ctrl+K belongs to the field.
    const filter = page.getByRole('searchbox', { name: 'Filter deployments' })
    await filter.fill('acme')
    await filter.press('Control+K')
    await afterTwoFrames(page)
    await expect(filter).toBeFocused()
    await expect(palette.dialog).toHaveCount(0)
  })
})

test.describe('Sovereign console', () => {
  test('Ctrl+K: a job by name and a page, clean URLs; no other deployments', async ({
    page,
    signIn,
    baseURL,
  }) => {
    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await signIn({ origin })
    const shell = new ShellPage(page)
    const palette = new PalettePage(page)
    await page.goto(`${origin}/dashboard`)
    await expect(shell.modeBadge).toHaveText(`Sovereign console ${ESTATE.adopted.fqdn}`)
    await palette.open()
    await expect(palette.options.filter({ hasText: 'New deployment' })).toHaveCount(0)
    await palette.input.fill('omani')
    await expect(palette.options.filter({ hasText: /^Deployment/ })).toHaveCount(0)
    await palette.search('install-harb', /^Job install-harbor\b/)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(`${origin}/jobs/install-harbor`)
    await shell.expectHeading(/install-harbor/)

    await palette.open()
    await palette.expectActiveIs(/^Job install-harbor.*Recent$/)
    await palette.search('user acc', /^Page User access/)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(`${origin}/users`)
    await palette.open()
    await palette.search('theme', /^Action Switch to (light|dark) theme/)
    await page.keyboard.press('Escape')
    await expect(palette.dialog).toBeHidden()
  })
})

test.describe('accessibility', () => {
  for (const theme of ['dark', 'light'] as const) {
    test(`axe clean on the mothership, ${theme} theme`, async ({ page, signIn }) => {
      await page.emulateMedia({ colorScheme: theme })
      const palette = new PalettePage(page)
      await signIn()
      await page.goto(`/provision/${LIVE.id}/jobs`)
      await new ShellPage(page).expectHeading('Jobs')
      await palette.open()
      await palette.search('cilium', /cilium/i)
      await expectNoSeriousA11yViolations(page, `palette (mothership, ${theme})`)
    })

    test(`axe clean on a Sovereign, ${theme} theme (empty query, opened with the button)`, async ({
      page,
      signIn,
      baseURL,
    }) => {
      await page.emulateMedia({ colorScheme: theme })
      const palette = new PalettePage(page)
      const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
      await signIn({ origin })
      await page.goto(`${origin}/users`)
      await new ShellPage(page).expectHeading('User access')
      await palette.button.click()
      await expect(palette.input).toBeFocused()
      await expect(palette.options.first()).toBeVisible()
      await expectNoSeriousA11yViolations(page, `palette (Sovereign, ${theme})`)
    })
  }
})
