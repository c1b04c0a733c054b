import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { ShellPage } from '../pages/ShellPage.ts'

/** `/auth/handover?token=` on a Sovereign: signed in on /dashboard, or a readable failure. */

test('a handover link lands on the Sovereign dashboard signed in; reusing it fails readably', async ({
  page,
  signIn,
  baseURL,
}) => {
  // The mothership mints the token for the ready deployment (as its handover watcher does).
  await signIn()
  const res = await page.request.post(`${baseURL}/api/v1/deployments/${ESTATE.ready.id}/mint-handover-token`)
  expect(res.ok()).toBe(true)
  const { token } = (await res.json()) as { token: string }
  const origin = sovereignOrigin(baseURL!, ESTATE.ready.fqdn)

  const tab = page
  const shell = new ShellPage(tab)
  await tab.goto(`${origin}/auth/handover?token=${encodeURIComponent(token)}`)
  await expect(tab).toHaveURL(`${origin}/dashboard`)
  await shell.expectHeading('Dashboard')
  await expect(shell.modeBadge).toHaveText(`Sovereign console ${ESTATE.ready.fqdn}`)
  await shell.openProfile()
  await expect(shell.profileMenu).toContainText('Signed in as')
  await tab.keyboard.press('Escape')

  // The same link again, from a signed-out browser: single use.
  await page.context().clearCookies()
  await tab.goto(`${origin}/auth/handover?token=${encodeURIComponent(token)}`)
  await expect(tab).toHaveURL(`${origin}/auth/handover-error?reason=token%20already%20used`)
  await expect(tab.getByRole('heading', { level: 1, name: 'The handover link did not work' })).toBeVisible()
  await expect(tab.getByRole('alert')).toContainText('This handover link was already used.')
  await expect(tab.getByRole('alert')).toContainText('token already used')
  await tab.getByRole('link', { name: 'Sign in with email' }).click()
  await expect(tab).toHaveURL(`${origin}/login`)
})

test('a forged or missing token lands on the error page with the reason', async ({ page, baseURL }) => {
  const origin = sovereignOrigin(baseURL!, ESTATE.ready.fqdn)
  await page.goto(`${origin}/auth/handover?token=not.a.jwt`)
  await expect(page).toHaveURL(`${origin}/auth/handover-error?reason=invalid%20token`)
  await expect(page.getByRole('alert')).toContainText('not valid')
  await page.goto(`${origin}/auth/handover`)
  await expect(page).toHaveURL(`${origin}/auth/handover-error?reason=missing%20token`)
  await expect(page.getByRole('alert')).toContainText('missing token')
  // A reason the server never sends is not echoed (only known reasons are shown), let alone rendered.
  await page.goto(
    `${origin}/auth/handover-error?reason=${encodeURIComponent('<img src=x onerror=alert(1)>')}`,
  )
  await expect(page.getByRole('alert')).toHaveText('The handover link was rejected.')
  await expect(page.locator('img')).toHaveCount(0)
})
