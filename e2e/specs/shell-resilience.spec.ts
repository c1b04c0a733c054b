import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { ShellPage } from '../pages/ShellPage.ts'

/** Error boundary per route, skeletons while loading, the API-unreachable banner that heals itself. */

test('the API going away shows a banner that clears itself when it is back, without a reload', async ({
  page,
  signIn,
  mockApi,
  allowConsoleErrors,
}) => {
  allowConsoleErrors([/net::ERR_/])
  await signIn()
  const shell = new ShellPage(page)
  await page.goto(`/provision/${ESTATE.live.id}/jobs`)
  await expect(shell.strip).toContainText(ESTATE.live.fqdn)
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }))
  await expect(shell.unreachable).toHaveCount(0)

  const probes: string[] = []
  page.on('requestfailed', (r) => {
    if (new URL(r.url()).pathname === '/api/v1/whoami') probes.push(r.url())
  })
  await mockApi.restart(7000)
  // The in-flight jobs poll (3 s) finds the API gone.
  await expect(shell.unreachable).toBeVisible({ timeout: 8000 })
  await expect(shell.unreachable.getByRole('button', { name: 'Retry now' })).toBeVisible()
  // While down, the shell re-probes (whoami) every few seconds; the banner goes once the API answers.
  await expect.poll(() => probes.length, { timeout: 8000 }).toBeGreaterThan(0)
  await expect(shell.unreachable).toHaveCount(0, { timeout: 15_000 })
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(
    true,
  )
  await expect(shell.strip).toContainText(ESTATE.live.fqdn)
})

test('a failing page shows a readable error with a retry inside the shell, never a blank screen', async ({
  page,
  signIn,
  allowConsoleErrors,
}) => {
  allowConsoleErrors([/status of 500/])
  await signIn()
  const shell = new ShellPage(page)
  const url = `**/api/v1/deployments/${ESTATE.ready.id}`
  await page.route(url, (route) =>
    route.request().method() === 'GET'
      ? route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ error: 'internal', detail: 'the state store is not answering' }),
        })
      : route.continue(),
  )
  await page.goto(`/provision/${ESTATE.ready.id}/jobs`)
  const error = shell.main.getByRole('alert')
  await expect(error).toContainText('This page could not be loaded')
  await expect(error).toContainText('the state store is not answering')
  // The frame is still there and usable.
  await expect(shell.nav).toBeVisible()
  await expect(shell.navLink('Deployments')).toBeVisible()
  await expect(shell.bell).toBeVisible()

  await page.unroute(url)
  await error.getByRole('button', { name: 'Retry' }).click()
  await expect(shell.main.getByRole('alert')).toHaveCount(0)
  await expect(page).toHaveTitle('Jobs · Catalyst')
  await expect(shell.strip).toContainText(ESTATE.ready.fqdn)

  // Navigating elsewhere in the frame still works after an error.
  await shell.navLink('Deployments').click()
  await expect(page).toHaveURL(/\/deployments$/)
})

test('a Sovereign whose API is not a Sovereign explains itself', async ({ page, signIn, baseURL }) => {
  // console.<fqdn> of a deployment the API does not know: whoami works (mothership scope), /sovereign/self 404s.
  const origin = sovereignOrigin(baseURL!, 'nobody.example.org')
  await signIn({ origin })
  await page.goto(`${origin}/dashboard`)
  await expect(page.getByRole('heading', { level: 1, name: 'No Sovereign answers here' })).toBeVisible()
  await expect(page.getByRole('main')).toContainText(
    'This address looks like the console of nobody.example.org',
  )
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
})

test('slow pages show a skeleton, then the page', async ({ page, signIn, mockApi }) => {
  await signIn()
  await page.goto('/deployments')
  const shell = new ShellPage(page)
  await expect(shell.navLink('Deployments')).toBeVisible()
  await mockApi.faults({ latencyMs: 1500 })
  await page.goto(`/provision/${ESTATE.ready.id}/dashboard`)
  await expect(page.getByRole('status').filter({ hasText: 'Loading…' }).first()).toBeVisible()
  await expect(page).toHaveTitle('Dashboard · Catalyst', { timeout: 15_000 })
  await mockApi.faults({ latencyMs: 0 })
})
