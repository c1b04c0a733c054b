import type { Page } from '@playwright/test'
import { ESTATE, expect, expectHeading, sovereignOrigin, test } from '../fixtures.ts'
import { JobDetailPage } from '../pages/JobDetailPage.ts'

/**
 * Every page of both consoles through nginx, under the production CSP: each renders its heading and
 * data, and not one CSP violation is reported (recorded in the page, besides the console guard that
 * fails on any console error). Deep links and reloads of encoded job URLs land on the same page.
 */

/** Records CSP violations in the page from before its first script (an init script is not subject to CSP). */
async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.assign(window, { __cspViolations: seen })
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    )
  })
}
const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)

const live = ESTATE.live.id
const ready = ESTATE.ready.id
const h1 = (p: Page, name: string | RegExp) => expectHeading(p, name)

const MOTHERSHIP: [string, (p: Page) => Promise<void>][] = [
  ['/deployments', (p) => h1(p, 'Deployments')],
  ['/wizard', (p) => h1(p, 'New deployment')],
  ['/app/dashboard', (p) => expect(p.getByRole('group', { name: /^Fleet treemap:/ })).toBeVisible()],
  [`/provision/${live}`, (p) => h1(p, ESTATE.live.fqdn)],
  [`/provision/${live}/jobs`, (p) => expect(p.getByRole('table', { name: 'Jobs' })).toBeVisible()],
  [
    `/provision/${live}/jobs?view=graph`,
    (p) => expect(p.getByRole('tree', { name: 'Graph outline' })).toBeVisible(),
  ],
  [
    `/provision/${live}/jobs/timeline`,
    (p) => expect(p.getByRole('group', { name: 'Job bars' })).toBeVisible(),
  ],
  [`/provision/${live}/jobs/tofu-apply`, (p) => h1(p, 'Terraform Apply')],
  [`/provision/${ready}/dashboard`, (p) => expect(p.getByRole('group', { name: /^Treemap:/ })).toBeVisible()],
  [
    `/provision/${ready}/cloud`,
    (p) => expect(p.getByRole('group', { name: 'Architecture graph' })).toBeVisible(),
  ],
  [`/provision/${ready}/apps`, (p) => h1(p, 'Applications')],
  [`/provision/${ready}/users`, (p) => h1(p, 'User access')],
]

const SOVEREIGN: [string, (p: Page) => Promise<void>][] = [
  ['/dashboard', (p) => expect(p.getByRole('group', { name: /^Treemap:/ })).toBeVisible()],
  ['/jobs', (p) => expect(p.getByRole('table', { name: 'Jobs' })).toBeVisible()],
  ['/jobs?view=graph', (p) => expect(p.getByRole('tree', { name: 'Graph outline' })).toBeVisible()],
  ['/cloud', (p) => expect(p.getByRole('group', { name: 'Architecture graph' })).toBeVisible()],
  ['/apps', (p) => h1(p, 'Applications')],
  ['/users', (p) => h1(p, 'User access')],
]

test('sign-in pages and every mothership page render under the CSP without a violation', async ({
  page,
  signIn,
}) => {
  await recordCspViolations(page)
  await page.goto('/login')
  await expect(page.getByRole('button', { name: 'Send code' })).toBeVisible()
  // The theme bootstrap (an external script, allowed by script-src 'self') ran before first paint.
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toMatch(/^(light|dark)$/)
  expect(await violations(page)).toEqual([])
  await signIn()
  for (const [path, loaded] of MOTHERSHIP) {
    await page.goto(path)
    await loaded(page)
    expect(await violations(page), path).toEqual([])
  }
})

test('every Sovereign page on console.<fqdn>.localhost renders under the CSP without a violation', async ({
  page,
  signIn,
  baseURL,
}) => {
  const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
  await recordCspViolations(page)
  await signIn({ origin })
  for (const [path, loaded] of SOVEREIGN) {
    await page.goto(`${origin}${path}`)
    await loaded(page)
    expect(await violations(page), path).toEqual([])
  }
})

test('deep links and reloads of encoded job URLs land on the job, on both consoles', async ({
  page,
  signIn,
  baseURL,
}) => {
  await signIn()
  const detail = new JobDetailPage(page)
  const url = `/provision/${live}/jobs/install-nbg1-1%3Acilium`
  await page.goto(`${url}#L2`)
  await expect(page).toHaveURL(`${url}#L2`)
  await expect(detail.heading(/cilium/i)).toBeVisible()
  await expect(detail.log.getByRole('listitem').filter({ hasText: /^Line 2:/ })).toHaveAttribute(
    'aria-current',
    'location',
  )
  await page.reload()
  await expect(page).toHaveURL(`${url}#L2`)
  await expect(detail.heading(/cilium/i)).toBeVisible()
  // Under the mothership's /sovereign basepath too (nginx serves the SPA for it; its API calls go to
  // /sovereign/api, stripped by nginx).
  await page.goto(`/sovereign/provision/${live}/jobs/install-sin-2%3Acilium`)
  await expect(detail.heading(/cilium/i)).toBeVisible()
  await page.reload()
  await expect(page).toHaveURL(`/sovereign/provision/${live}/jobs/install-sin-2%3Acilium`)
  await expect(detail.heading(/cilium/i)).toBeVisible()

  const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
  await signIn({ origin })
  await page.goto(`${origin}/jobs/install-nbg1-1%3Acilium`)
  await expect(detail.heading(/cilium/i)).toBeVisible()
  await page.reload()
  await expect(page).toHaveURL(`${origin}/jobs/install-nbg1-1%3Acilium`)
  await expect(detail.log.getByRole('listitem').first()).toBeVisible()
})
