import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures.ts'
import { ShellPage } from '../pages/ShellPage.ts'

/** Dark and light, following the OS until chosen, persisted, applied before first paint, one store. */

/** Records `data-theme` at the moment <body> is parsed — before any module script (the app) has run. */
async function recordThemeAtFirstPaint(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const obs = new MutationObserver(() => {
      if (!document.body) return
      const w = window as unknown as { __themeAtBody?: string | null; __appEmptyAtBody?: boolean }
      w.__themeAtBody = document.documentElement.getAttribute('data-theme')
      w.__appEmptyAtBody = !document.getElementById('app')?.hasChildNodes()
      obs.disconnect()
    })
    obs.observe(document, { childList: true, subtree: true })
  })
}

function themeAtFirstPaint(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __themeAtBody?: string | null; __appEmptyAtBody?: boolean }
    return { theme: w.__themeAtBody, appEmpty: w.__appEmptyAtBody }
  })
}

test('the first paint already has the theme (OS preference, then the saved choice): no flash', async ({
  page,
}) => {
  await recordThemeAtFirstPaint(page)
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto('/login')
  expect(await themeAtFirstPaint(page)).toEqual({ theme: 'light', appEmpty: true })

  await page.emulateMedia({ colorScheme: 'dark' })
  await page.reload()
  expect(await themeAtFirstPaint(page)).toEqual({ theme: 'dark', appEmpty: true })

  // A saved choice beats the OS.
  await page.evaluate(() => window.localStorage.setItem('cc-theme', 'light'))
  await page.reload()
  expect(await themeAtFirstPaint(page)).toEqual({ theme: 'light', appEmpty: true })
})

test('follows the OS until the user chooses; the choice persists and the OS no longer wins', async ({
  page,
  signIn,
}) => {
  await signIn()
  const shell = new ShellPage(page)
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('/deployments')
  expect(await shell.theme()).toBe('dark')
  const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  // OS switches: the console follows live.
  await page.emulateMedia({ colorScheme: 'light' })
  await expect.poll(() => shell.theme()).toBe('light')
  await expect(shell.themeToggle).toHaveAccessibleName('Switch to dark theme')
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(darkBg)

  await shell.themeToggle.click()
  expect(await shell.theme()).toBe('dark')
  expect(await page.evaluate(() => window.localStorage.getItem('cc-theme'))).toBe('dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await page.reload()
  await expect(shell.themeToggle).toHaveAccessibleName('Switch to light theme')
  expect(await shell.theme()).toBe('dark')
})

test('one source of truth: the header toggle, the profile menu and another tab always agree', async ({
  page,
  signIn,
}) => {
  await signIn()
  const shell = new ShellPage(page)
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('/deployments')
  await shell.openProfile()
  await expect(shell.profileMenu.getByRole('menuitemradio', { name: 'Match the system' })).toBeChecked()
  await shell.profileMenu.getByRole('menuitemradio', { name: 'Light' }).click()
  expect(await shell.theme()).toBe('light')
  await expect(shell.profileMenu.getByRole('menuitemradio', { name: 'Light' })).toBeChecked()
  await page.keyboard.press('Escape')
  await expect(shell.themeToggle).toHaveAccessibleName('Switch to dark theme')

  const other = await page.context().newPage()
  const otherShell = new ShellPage(other)
  await other.emulateMedia({ colorScheme: 'dark' })
  await other.goto('/deployments')
  expect(await otherShell.theme()).toBe('light')
  await otherShell.themeToggle.click()
  expect(await otherShell.theme()).toBe('dark')
  // The first tab follows (storage event), and its menu shows the new choice.
  await expect.poll(() => shell.theme()).toBe('dark')
  await shell.openProfile()
  await expect(shell.profileMenu.getByRole('menuitemradio', { name: 'Dark' })).toBeChecked()
  await shell.profileMenu.getByRole('menuitemradio', { name: 'Match the system' }).click()
  expect(await page.evaluate(() => window.localStorage.getItem('cc-theme'))).toBeNull()
  await other.close()
})
