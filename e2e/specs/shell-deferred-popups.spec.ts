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
