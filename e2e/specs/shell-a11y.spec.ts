import { expectNoSeriousA11yViolations } from '../axe.ts'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { LoginPage } from '../pages/LoginPage.ts'
import { ShellPage } from '../pages/ShellPage.ts'

/** Landmarks, skip link, focus on navigation, named controls; axe on every shell page in both themes. */

for (const theme of ['dark', 'light'] as const) {
  test(`axe: sign-in, code, handover error and not-found pages (${theme})`, async ({
    page,
    mockApi,
    baseURL,
  }) => {
    await page.emulateMedia({ colorScheme: theme })
    const login = new LoginPage(page)
    await login.goto('', '?next=/deployments&error=session-expired')
    await expect(login.mockHint).toBeVisible()
    await expectNoSeriousA11yViolations(page, `login (${theme})`)

    await login.requestCode('operator@openova.io')
    await expect(login.codeHeading).toBeVisible()
    const pin = await mockApi.pin('operator@openova.io')
    await login.typeCode(pin === '000000' ? '111111' : '000000')
    await expect(login.alert('attempts remaining')).toBeVisible()
    await expectNoSeriousA11yViolations(page, `verify with an error (${theme})`)

    await login.goto()
    await login.requestCode('someone@openova.io')
    await expect(login.codeHeading).toBeVisible()
    await login.goto()
    await login.requestCode('someone@openova.io')
    await expect(login.countdown).toBeVisible()
    await expectNoSeriousA11yViolations(page, `login rate-limited (${theme})`)

    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await page.goto(`${origin}/auth/handover-error?reason=token%20already%20used`)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectNoSeriousA11yViolations(page, `handover error (${theme})`)

    await page.goto('/no/such/page')
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    await expectNoSeriousA11yViolations(page, `not found (${theme})`)
  })

  test(`axe: the signed-in shell in both modes (${theme})`, async ({ page, signIn, baseURL }) => {
    await page.emulateMedia({ colorScheme: theme })
    await signIn()
    const shell = new ShellPage(page)
    await page.goto('/deployments')
    await expect(shell.navLink('Deployments')).toBeVisible()
    await shell.raiseNotification({ id: 'a', level: 'error', title: 'Something failed', body: 'Details' })
    await shell.raiseNotification({ id: 'b', level: 'success', title: 'Something worked' })
    await expectNoSeriousA11yViolations(page, `mothership deployments (${theme})`)
    await shell.openNotifications()
    await expectNoSeriousA11yViolations(page, `notifications panel (${theme})`)
    await page.keyboard.press('Escape')
    await shell.openProfile()
    await expectNoSeriousA11yViolations(page, `profile menu (${theme})`)
    await page.keyboard.press('Escape')

    await page.goto(`/provision/${ESTATE.failedChart.id}/jobs`)
    await expect(shell.strip).toContainText('1 failed')
    await expectNoSeriousA11yViolations(page, `mothership deployment page with strip (${theme})`)
    await page.goto('/provision/NOT-AN-ID/jobs')
    await expect(shell.malformedNotice).toBeVisible()
    await expectNoSeriousA11yViolations(page, `malformed id + deployment not found (${theme})`)
    await page.goto(`/provision/${ESTATE.ready.id}/nope`)
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    await expectNoSeriousA11yViolations(page, `in-shell not found (${theme})`)

    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await signIn({ origin })
    await page.goto(`${origin}/dashboard`)
    await expect(shell.strip).toContainText(ESTATE.adopted.fqdn)
    await expectNoSeriousA11yViolations(page, `sovereign dashboard (${theme})`)
  })
}

test('landmarks, a skip link, and focus on the page heading after navigation', async ({ page, signIn }) => {
  await signIn()
  const shell = new ShellPage(page)
  await page.goto(`/provision/${ESTATE.ready.id}/jobs`)
  await expect(shell.header).toBeVisible()
  await expect(shell.nav).toBeVisible()
  await expect(shell.main).toHaveCount(1)
  await expect(shell.strip).toBeVisible()

  // The first Tab reaches the skip link, which is then visible; Enter moves focus into the page.
  await page.keyboard.press('Tab')
  await expect(shell.skipLink).toBeFocused()
  await expect(shell.skipLink).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(shell.main).toBeFocused()
  await expect(page).toHaveURL(new RegExp(`/provision/${ESTATE.ready.id}/jobs$`))

  // Navigating moves focus to the new page's heading.
  await shell.navLink('Users').click()
  await expect(page).toHaveTitle('User access · Catalyst')
  await expect(shell.heading).toBeFocused()
  // Keyboard navigation through the sidebar works the same way.
  await shell.navLink('Cloud').focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveTitle('Cloud · Catalyst')
  await expect(shell.heading).toBeFocused()
})
