import type { Page } from '@playwright/test'
import { ESTATE, expect, test } from '../fixtures.ts'
import { ShellPage } from '../pages/ShellPage.ts'

/**
 * Issue 18 item 5: "Notify me when this run finishes" on a live deployment. `window.Notification` is a
 * recording stub (granted, denied, or absent); the mock's virtual clock runs the deployment to its end.
 */
type Permission = 'granted' | 'denied' | 'unsupported'
interface Shown {
  title: string
  body: string | undefined
  tag: string | undefined
}
interface Calls {
  requests: number
  shown: Shown[]
}
type StubWindow = Window & { __notifyCalls: Calls; __lastNotification?: { onclick: (() => void) | null } }

const HOURS_4 = 4 * 3_600_000
const BUTTON = 'Notify me when this run finishes'

async function stubNotification(page: Page, permission: Permission): Promise<void> {
  await page.addInitScript((perm: Permission) => {
    const w = window as unknown as StubWindow
    w.__notifyCalls = { requests: 0, shown: [] }
    if (perm === 'unsupported') {
      Object.defineProperty(window, 'Notification', { value: undefined, configurable: true, writable: true })
      return
    }
    // Narrowed here, once: the class below is a closure, where TypeScript keeps the wider type.
    const answer: NotificationPermission = perm
    class FakeNotification {
      static permission: NotificationPermission = 'default'
      static requestPermission(): Promise<NotificationPermission> {
        w.__notifyCalls.requests++
        FakeNotification.permission = answer
        return Promise.resolve(answer)
      }
      onclick: (() => void) | null = null
      constructor(title: string, opts?: NotificationOptions) {
        w.__notifyCalls.shown.push({ title, body: opts?.body, tag: opts?.tag })
        w.__lastNotification = this
      }
      close(): void {}
    }
    Object.defineProperty(window, 'Notification', {
      value: FakeNotification,
      configurable: true,
      writable: true,
    })
  }, permission)
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as StubWindow).__notifyCalls)

/** Opt in on the overview and wait until the lazily loaded watcher is in the page. */
async function optIn(page: Page, id: string): Promise<void> {
  const button = page.getByRole('button', { name: BUTTON })
  await expect(button).toHaveAttribute('aria-pressed', 'false')
  expect((await calls(page)).requests).toBe(0)
  const watcher = page.waitForRequest((r) => r.url().includes('RunWatchers'))
  await button.click()
  await expect(button).toHaveAttribute('aria-pressed', 'true')
  await watcher
  expect(await page.evaluate(() => localStorage.getItem('cc-run-watches'))).toBe(JSON.stringify([id]))
}

test('granted: one browser notification when the run finishes; its click opens the deployment', async ({
  page,
  signIn,
  mockApi,
}) => {
  await stubNotification(page, 'granted')
  const created = await mockApi.createDeployment({ scenario: 'healthy', regions: ['fsn1'] })
  await signIn()
  await page.goto(`/provision/${created.id}`)
  await optIn(page, created.id)
  expect((await calls(page)).requests).toBe(1)
  // The opt-in shows on the jobs page header too, already on; the watch keeps running there.
  const shell = new ShellPage(page)
  await shell.navLink('Jobs').click()
  await expect(page.getByRole('button', { name: BUTTON })).toHaveAttribute('aria-pressed', 'true')

  await mockApi.advance(HOURS_4)
  await expect
    .poll(async () => (await calls(page)).shown, { timeout: 20_000 })
    .toEqual([
      {
        title: `${created.sovereignFQDN}: run finished`,
        body: 'The deployment is ready.',
        tag: `catalyst-run-${created.id}`,
      },
    ])
  // Settled: the watch is over, and the header offers no opt-in any more.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('cc-run-watches'))).toBeNull()
  await expect(page.getByRole('button', { name: BUTTON })).toHaveCount(0)
  await page.evaluate(() => (window as unknown as StubWindow).__lastNotification?.onclick?.())
  await expect(page).toHaveURL(`/provision/${created.id}`)
  await mockApi.advance(HOURS_4)
  expect((await calls(page)).shown).toHaveLength(1)
})

test('denied: a failed run raises a bell notice instead; settled runs offer no opt-in', async ({
  page,
  signIn,
  mockApi,
}) => {
  await stubNotification(page, 'denied')
  await signIn()
  await page.goto(`/provision/${ESTATE.ready.id}`)
  await expect(page.getByRole('heading', { level: 1, name: ESTATE.ready.fqdn })).toBeVisible()
  await expect(page.getByRole('button', { name: BUTTON })).toHaveCount(0)

  const created = await mockApi.createDeployment({ scenario: 'failing-chart', regions: ['fsn1'] })
  await page.goto(`/provision/${created.id}`)
  await optIn(page, created.id)
  await expect(
    page.getByRole('status').filter({ hasText: 'Browser notifications are blocked' }),
  ).toBeVisible()

  await mockApi.advance(HOURS_4)
  const shell = new ShellPage(page)
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('cc-run-watches')), { timeout: 20_000 })
    .toBeNull()
  await shell.openNotifications()
  await expect(
    shell.notificationItems().filter({ hasText: `${created.sovereignFQDN}: run failed` }),
  ).toHaveCount(1)
  expect((await calls(page)).shown).toEqual([])
})

test('unsupported: the button explains and the bell tells when the run finishes', async ({
  page,
  signIn,
  mockApi,
}) => {
  await stubNotification(page, 'unsupported')
  const created = await mockApi.createDeployment({ scenario: 'healthy', regions: ['fsn1'] })
  await signIn()
  await page.goto(`/provision/${created.id}`)
  await optIn(page, created.id)
  await expect(
    page.getByRole('status').filter({ hasText: 'This browser cannot show notifications' }),
  ).toBeVisible()

  await mockApi.advance(HOURS_4)
  const shell = new ShellPage(page)
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('cc-run-watches')), { timeout: 20_000 })
    .toBeNull()
  await shell.openNotifications()
  await expect(
    shell.notificationItems().filter({ hasText: `${created.sovereignFQDN}: run finished` }),
  ).toHaveCount(1)
})
