import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { LoginPage } from '../pages/LoginPage.ts'
import { ShellPage } from '../pages/ShellPage.ts'

/** Sign-in with the PIN (codes from the mock's control API), landing, `next`, 401 → back, logout. */

const EMAIL = 'operator@openova.io'

test.describe('PIN sign-in', () => {
  test('the login page says where the code is before anything is submitted (mock mode)', async ({ page }) => {
    const login = new LoginPage(page)
    await login.goto()
    await expect(login.signInHeading).toHaveText('Sign in to Catalyst')
    await expect(login.mockHint).toContainText('/api/__mock/pin?email=')
    await expect(login.email).toBeFocused()
  })

  test('mothership: no next → /wizard; Sovereign: no next → /dashboard (regression 4)', async ({
    page,
    mockApi,
    baseURL,
  }) => {
    const login = new LoginPage(page)
    await login.goto()
    await login.signInWithPin(mockApi)
    await expect(page).toHaveURL(`${baseURL}/wizard`)

    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await login.goto(origin)
    await expect(login.signInHeading).toHaveText(`Sign in to ${ESTATE.adopted.fqdn}`)
    await login.signInWithPin(mockApi, 'ops@t126.example')
    await expect(page).toHaveURL(`${origin}/dashboard`)
    await new ShellPage(page).expectHeading('Dashboard')
  })

  test('next wins in both modes, and keeps an encoded job id exactly (regression 5)', async ({
    page,
    mockApi,
    baseURL,
  }) => {
    const login = new LoginPage(page)
    await login.goto('', '?next=/jobs/x')
    await expect(page.getByText('after you sign in')).toContainText('/jobs/x')
    await login.signInWithPin(mockApi)
    await expect(page).toHaveURL(`${baseURL}/jobs/x`)

    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await page.goto(`${origin}/jobs/install-nbg1-1%3Acilium?depth=2`)
    await expect(page).toHaveURL(/\/login\?next=/)
    await login.signInWithPin(mockApi, 'ops@t126.example')
    await expect(page).toHaveURL(`${origin}/jobs/install-nbg1-1%3Acilium?depth=2`)
    await expect(page.getByRole('heading', { level: 1, name: 'install-nbg1-1:cilium' })).toBeVisible()
  })

  test('a next that carries /sovereign is never doubled (regression 6)', async ({
    page,
    mockApi,
    baseURL,
  }) => {
    const login = new LoginPage(page)
    await page.goto(`${baseURL}/sovereign/login?next=/sovereign/deployments`)
    await login.signInWithPin(mockApi)
    await expect(page).toHaveURL(`${baseURL}/sovereign/deployments`)
    await new ShellPage(page).expectHeading('Deployments')
  })

  for (const hostile of [
    '//evil.com',
    'https://evil.com',
    '/\\evil.com',
    'javascript:alert(1)',
    '/%2F%2Fevil.com',
  ]) {
    test(`a hostile next is dropped: ${hostile} (regression 7)`, async ({ page, mockApi, baseURL }) => {
      const login = new LoginPage(page)
      await login.goto('', `?next=${encodeURIComponent(hostile)}`)
      await expect(page.getByText('after you sign in')).toHaveCount(0)
      await login.signInWithPin(mockApi)
      await expect(page).toHaveURL(`${baseURL}/wizard`)
    })
  }

  test('a wrong code says how many attempts remain; the third sends you back with the reason', async ({
    page,
    mockApi,
  }) => {
    const login = new LoginPage(page)
    await login.goto()
    await login.requestCode(EMAIL)
    await expect(login.codeHeading).toBeVisible()
    const pin = await mockApi.pin(EMAIL)
    const wrong = pin === '000000' ? '111111' : '000000'
    await login.typeCode(wrong)
    await expect(login.alert('Code incorrect. 2 attempts remaining.')).toBeVisible()
    await expect(login.digit(1)).toHaveValue('')
    await expect(login.digit(1)).toBeFocused()
    await login.typeCode(wrong)
    await expect(login.alert('Code incorrect. 1 attempt remaining.')).toBeVisible()
    await login.typeCode(wrong)
    await expect(page).toHaveURL(/\/login\?error=attempts-exceeded/)
    await expect(login.alert('Too many wrong codes. Request a new one.')).toBeVisible()
    // The email is kept for the new request.
    await expect(login.email).toHaveValue(EMAIL)
  })

  test('an expired code sends you back to /login with the reason', async ({ page, mockApi }) => {
    const login = new LoginPage(page)
    await login.goto()
    await login.requestCode(EMAIL)
    await expect(login.codeHeading).toBeVisible()
    const pin = await mockApi.pin(EMAIL)
    await mockApi.advance(11 * 60_000)
    await login.typeCode(pin)
    await expect(page).toHaveURL(/\/login\?error=pin-expired/)
    await expect(login.alert('That code expired. Request a new one.')).toBeVisible()
  })

  test('asking again too soon shows the wait in seconds, counting down live', async ({ page, mockApi }) => {
    const login = new LoginPage(page)
    await login.goto()
    await login.requestCode(EMAIL)
    await expect(login.codeHeading).toBeVisible()
    await login.resend.click()
    await expect(login.email).toHaveValue(EMAIL)
    await login.sendCode.click()
    const countdown = login.countdown
    await expect(countdown).toHaveText('Please wait 60 seconds before requesting another code.')
    await expect(login.alert('Please wait 60 seconds')).toBeAttached()
    // It ticks without any further request (the mock clock is paused, so this is the page's own countdown).
    await expect(countdown).toHaveText(/Please wait 5\d seconds/, { timeout: 4000 })
    await expect(login.sendCode).toHaveAttribute('aria-disabled', 'true')
    // A different address is not rate-limited.
    await login.email.fill('someone-else@openova.io')
    await expect(countdown).toHaveCount(0)
    await login.sendCode.click()
    await expect(login.codeHeading).toBeVisible()
    expect(await mockApi.pin('someone-else@openova.io')).toMatch(/^\d{6}$/)
  })

  test('pasting the 6-digit code fills every box and signs in', async ({ page, mockApi, baseURL }) => {
    const login = new LoginPage(page)
    await login.goto('', '?next=/deployments')
    await login.requestCode(EMAIL)
    await expect(login.codeHeading).toBeVisible()
    const pin = await mockApi.pin(EMAIL)
    // Pasted with spaces into the third box, as a copied email snippet might be.
    await login.pasteCode(`${pin.slice(0, 3)} ${pin.slice(3)}`, 3)
    await expect(page).toHaveURL(`${baseURL}/deployments`)
  })

  test('keyboard only: tab to the email, Enter, type the digits, arrows and backspace', async ({
    page,
    mockApi,
    baseURL,
  }) => {
    const login = new LoginPage(page)
    await login.goto('', '?next=/deployments')
    await expect(login.email).toBeFocused()
    await page.keyboard.type(EMAIL)
    await page.keyboard.press('Enter')
    await expect(login.codeHeading).toBeVisible()
    await expect(login.digit(1)).toBeFocused()
    const pin = await mockApi.pin(EMAIL)
    await page.keyboard.type(pin.slice(0, 4))
    await expect(login.digit(5)).toBeFocused()
    await page.keyboard.press('Backspace')
    await expect(login.digit(4)).toBeFocused()
    await expect(login.digit(4)).toHaveValue('')
    await page.keyboard.press('ArrowLeft')
    await expect(login.digit(3)).toBeFocused()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.type(pin.slice(3, 5))
    await page.keyboard.press('Enter')
    await expect(login.alert('Enter all 6 digits.')).toBeVisible()
    await page.keyboard.type(pin.slice(5))
    await expect(page).toHaveURL(`${baseURL}/deployments`)
  })
})

test.describe('sessions', () => {
  test('a valid cookie in a fresh tab is enough: no client-side marker (regression 8)', async ({
    page,
    signIn,
    baseURL,
  }) => {
    await signIn()
    const fresh = await page.context().newPage()
    await fresh.goto(`${baseURL}/provision/${ESTATE.ready.id}/jobs`)
    await expect(fresh).toHaveURL(`${baseURL}/provision/${ESTATE.ready.id}/jobs`)
    await expect(fresh.getByRole('navigation', { name: 'Main' })).toBeVisible()
    expect(await fresh.evaluate(() => Object.keys(window.sessionStorage))).not.toContain('catalyst:authed')
    await fresh.close()
  })

  test('a 401 mid-session → sign in → back where the user was', async ({
    page,
    signIn,
    mockApi,
    baseURL,
  }) => {
    await signIn()
    const shell = new ShellPage(page)
    const login = new LoginPage(page)
    const here = `/provision/${ESTATE.live.id}/jobs`
    await page.goto(here)
    await expect(shell.strip).toContainText(ESTATE.live.fqdn)
    await mockApi.expireSessions()
    // The in-flight run's jobs poll every 3 s; the first 401 sends the user to sign in.
    await expect(page).toHaveURL(`${baseURL}/login?next=${here}&error=session-expired`, { timeout: 10_000 })
    await expect(login.alert('Your session ended. Sign in again to continue.')).toBeVisible()
    await login.signInWithPin(mockApi)
    await expect(page).toHaveURL(`${baseURL}${here}`)
    await expect(shell.strip).toContainText(ESTATE.live.fqdn)
  })

  test('a 401 on navigation also returns the user to the page they asked for', async ({
    page,
    signIn,
    mockApi,
    baseURL,
  }) => {
    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await signIn({ origin })
    await page.goto(`${origin}/dashboard`)
    await new ShellPage(page).expectHeading('Dashboard')
    await mockApi.expireSessions()
    await page.goto(`${origin}/users`)
    await expect(page).toHaveURL(`${origin}/login?next=/users`)
    await new LoginPage(page).signInWithPin(mockApi, 'ops@t126.example')
    await expect(page).toHaveURL(`${origin}/users`)
  })

  test('already signed in, /login offers to continue', async ({ page, signIn }) => {
    await signIn()
    const login = new LoginPage(page)
    await login.goto('', '?next=/deployments')
    await expect(login.alreadySignedIn).toContainText(EMAIL)
    await login.continue.click()
    await expect(page).toHaveURL(/\/deployments$/)
  })

  test('sign out from the profile menu ends the session', async ({ page, signIn, baseURL }) => {
    await signIn()
    const shell = new ShellPage(page)
    await page.goto('/deployments')
    await shell.openProfile()
    await expect(shell.profileMenu).toContainText(EMAIL)
    await shell.profileMenu.getByRole('menuitem', { name: 'Sign out' }).click()
    await expect(page).toHaveURL(`${baseURL}/login`)
    await page.goto('/deployments')
    await expect(page).toHaveURL(`${baseURL}/login?next=/deployments`)
  })
})
