import { ESTATE, expect, test } from '../fixtures.ts'
import { ShellPage } from '../pages/ShellPage.ts'
import { e2ePorts } from '../servers.ts'

/**
 * Bad input: catalyst-api unreachable behind nginx. nginx answers 502 for it; the console reads that as
 * "API unreachable" and shows its own banner — at any point of a session, even before the first page
 * could load — never nginx's error page, never a blank page. It heals by itself when the API is back.
 */

/** Failed loads the browser logs while the API is down: 502s from nginx, aborted streams. */
const DOWN = [/status of 502/, /net::ERR_/, /EventSource/]

test('the API going away mid-session: nginx’s 502s become the console’s banner, which clears itself', async ({
  page,
  signIn,
  mockApi,
  allowConsoleErrors,
}) => {
  allowConsoleErrors(DOWN)
  await signIn()
  const shell = new ShellPage(page)
  await page.goto(`/provision/${ESTATE.live.id}/jobs`)
  await expect(shell.strip).toContainText(ESTATE.live.fqdn)
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }))

  const gateway: number[] = []
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.includes('/api/') && r.status() === 502) gateway.push(r.status())
  })
  await mockApi.restart(7000)
  await expect(shell.unreachable).toBeVisible({ timeout: 8000 })
  expect(gateway.length, 'the console saw nginx’s 502s').toBeGreaterThan(0)
  await expect(shell.unreachable).toHaveCount(0, { timeout: 15_000 })
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(
    true,
  )
  await expect(shell.strip).toContainText(ESTATE.live.fqdn)
})

test('the API unreachable at the first load: the banner and a readable error, then the page by itself', async ({
  page,
  signIn,
  mockApi,
  allowConsoleErrors,
}) => {
  allowConsoleErrors(DOWN)
  await signIn()
  const shell = new ShellPage(page)
  await mockApi.restart(9000)
  await page.goto('/deployments')
  await expect(shell.unreachable).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: 'The API could not be reached' })).toBeAttached()
  await expect(page.getByRole('button', { name: 'Retry', exact: true })).toBeVisible()
  // Back after the restart: the banner's own probe notices and the page loads without a reload.
  await expect(page.getByRole('heading', { level: 1, name: 'Deployments' })).toBeVisible({ timeout: 20_000 })
  await expect(shell.unreachable).toHaveCount(0)
})

test('a console whose CATALYST_API_URL leads nowhere still loads and says the API is unreachable', async ({
  page,
  allowConsoleErrors,
}) => {
  allowConsoleErrors(DOWN)
  // The second nginx of this project: the same build and config, its upstream a closed port.
  const dead = `http://localhost:${e2ePorts(process.env).deadUpstream}`
  const shell = new ShellPage(page)
  for (const path of ['/deployments', `/provision/${ESTATE.live.id}/jobs`, '/login']) {
    await page.goto(`${dead}${path}`)
    await expect(shell.unreachable, path).toBeVisible({ timeout: 20_000 })
    await expect(page.getByRole('heading', { level: 1 }), path).toBeAttached()
  }
  // The sign-in form is there; asking for a code says why it cannot work right now.
  await page.getByLabel('Email').fill('operator@openova.io')
  await page.getByRole('button', { name: 'Send code' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'cannot reach the API' })).toBeVisible()
})
