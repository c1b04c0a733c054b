import { expect, type Locator, type Page } from '@playwright/test'

/** The signed-in frame around every page: sidebar, header, banners, the deployment strip. */
export class ShellPage {
  readonly nav: Locator
  readonly header: Locator
  readonly main: Locator
  readonly heading: Locator
  readonly skipLink: Locator
  readonly modeBadge: Locator
  readonly themeToggle: Locator
  readonly bell: Locator
  readonly notifications: Locator
  readonly profileButton: Locator
  readonly profileMenu: Locator
  readonly strip: Locator
  readonly unreachable: Locator
  readonly malformedNotice: Locator

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: 'Main' })
    this.header = page.getByRole('banner')
    this.main = page.getByRole('main')
    this.heading = page.getByRole('heading', { level: 1 })
    this.skipLink = page.getByRole('link', { name: 'Skip to content' })
    this.modeBadge = this.header.getByRole('link', { name: /^(Mothership console|Sovereign console )/ })
    this.themeToggle = this.header.getByRole('button', { name: /^Switch to (light|dark) theme$/ })
    this.bell = this.header.getByRole('button', { name: /^Notifications/ })
    this.notifications = page.getByRole('dialog', { name: 'Notifications' })
    this.profileButton = this.header.getByRole('button', { name: /^Account menu/ })
    this.profileMenu = page.getByRole('menu')
    this.strip = page.getByRole('region', { name: 'Deployment status' })
    this.unreachable = page.getByRole('alert').filter({ hasText: 'The API is unreachable' })
    this.malformedNotice = page
      .getByRole('alert')
      .filter({ hasText: 'Deployment id in the URL is malformed' })
  }

  navLink(name: string): Locator {
    return this.nav.getByRole('link', { name, exact: true })
  }

  /** The sidebar entries marked as the current section. */
  currentNav(): Locator {
    return this.nav.locator('[aria-current="page"]')
  }

  async expectHeading(name: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible()
  }

  async openNotifications(): Promise<void> {
    await this.bell.click()
    await expect(this.notifications).toBeVisible()
  }

  notificationItems(): Locator {
    return this.notifications.getByRole('list', { name: 'Recent notifications' }).getByRole('listitem')
  }

  async openProfile(): Promise<void> {
    await this.profileButton.click()
    await expect(this.profileMenu).toBeVisible()
  }

  async signOut(): Promise<void> {
    await this.openProfile()
    await this.profileMenu.getByRole('menuitem', { name: 'Sign out' }).click()
  }

  /** The theme as applied to the document (`data-theme` on <html>). */
  theme(): Promise<string | null> {
    return this.page.evaluate(() => document.documentElement.getAttribute('data-theme'))
  }

  /** Raises a notification through the e2e build's hook, exactly as a feature would with notify(). */
  async raiseNotification(n: {
    id: string
    level: 'info' | 'success' | 'warn' | 'error'
    title: string
    body?: string
    surface?: string
    deploymentId?: string
    deploymentLabel?: string
    href?: string
    hrefLabel?: string
  }): Promise<void> {
    await this.page.evaluate((input) => {
      const hook = (window as unknown as { __catalystNotifications: { notify: (x: unknown) => void } })
        .__catalystNotifications
      hook.notify(input)
    }, n)
  }
}
