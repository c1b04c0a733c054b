import type { Page, Route } from '@playwright/test'
import { expect, test } from '../fixtures.ts'
import { ShellPage } from '../pages/ShellPage.ts'

/**
 * The header's popups load after the first paint (issue 17: Radix stays out of the first load). Until their
 * code arrives a stand-in trigger with the same name is there; pressing it must still open the popup.
 * The chunk is held back until the stand-in has been pressed, so the test never races the idle load.
 */
async function holdChunk(page: Page, name: RegExp): Promise<() => void> {
  const held: Route[] = []
  let released = false
  await page.route(name, (route) => (released ? route.continue() : void held.push(route)))
  return () => {
    released = true
    for (const r of held.splice(0)) void r.continue()
  }
}

test('the account menu opens when its stand-in is clicked before the menu code has loaded', async ({
  page,
  signIn,
}) => {
  await signIn()
  const release = await holdChunk(page, /\/assets\/ProfileMenuContent-[^/]+\.js$/)
  const shell = new ShellPage(page)
  await page.goto('/deployments')
  await expect(shell.profileButton).toHaveAttribute('aria-expanded', 'false')
  await shell.profileButton.click()
  await expect(shell.profileMenu).toBeHidden()
  release()
  await expect(shell.profileMenu).toBeVisible()
  await expect(shell.profileMenu.getByRole('menuitem', { name: 'Sign out' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(shell.profileMenu).toBeHidden()
  await expect(shell.profileButton).toBeFocused()
})

/**
 * Holds the page's idle callbacks (the popups load on idle) until the returned function runs them, so a test
 * can act on the stand-in before the swap to the loading popup, at a moment it chooses.
 */
async function holdIdle(page: Page): Promise<() => Promise<void>> {
  await page.addInitScript(() => {
    const held: IdleRequestCallback[] = []
    Object.assign(window, { __e2eHeldIdle: held })
    window.requestIdleCallback = (fn) => held.push(fn)
    window.cancelIdleCallback = () => undefined
  })
  return () =>
    page.evaluate(() => {
      const held = (window as unknown as { __e2eHeldIdle: IdleRequestCallback[] }).__e2eHeldIdle
      for (const fn of held.splice(0)) fn({ didTimeout: false, timeRemaining: () => 50 })
    })
}

test('a keyboard user on the stand-in bell keeps the focus while the panel loads, and Enter still opens it', async ({
  page,
  signIn,
}) => {
  await signIn()
  const runIdle = await holdIdle(page)
  const release = await holdChunk(page, /\/assets\/NotificationPanel-[^/]+\.js$/)
  const requested = page.waitForRequest(/\/assets\/NotificationPanel-[^/]+\.js$/)
  const shell = new ShellPage(page)
  await page.goto('/deployments')
  await shell.bell.focus()
  await expect(shell.bell).toBeFocused()
  // The browser goes idle: the panel's code starts loading (held back) and the stand-in is re-created.
  await runIdle()
  await requested
  await expect(shell.bell).toBeFocused()
  await page.keyboard.press('Enter')
  release()
  await expect(page.getByRole('dialog', { name: 'Notifications' })).toBeVisible()
})

test('the notifications panel opens (and marks all read) when the stand-in bell is pressed early', async ({
  page,
  signIn,
}) => {
  await signIn()
  const release = await holdChunk(page, /\/assets\/NotificationPanel-[^/]+\.js$/)
  const shell = new ShellPage(page)
  await page.goto('/deployments')
  await shell.raiseNotification({ id: 'early', level: 'info', title: 'Early bird' })
  await expect(shell.bell).toHaveAccessibleName('Notifications, 1 unread')
  await shell.bell.focus()
  await page.keyboard.press('Enter')
  release()
  const panel = page.getByRole('dialog', { name: 'Notifications' })
  await expect(panel).toBeVisible()
  await expect(panel.getByText('Early bird')).toBeVisible()
  await expect(shell.bell).toHaveAccessibleName('Notifications')
})
