import type { Locator, Page } from '@playwright/test'

/** `/provision/<id>/settings` (mothership) and `/settings` (Sovereign): values, kubeconfigs, actions. */
export class SettingsPage {
  readonly heading: Locator
  readonly values: Locator
  readonly regions: Locator
  readonly actions: Locator
  readonly refreshWatch: Locator
  readonly mintHandover: Locator
  readonly handoverLink: Locator
  readonly marketplace: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Settings' })
    this.values = page.getByRole('region', { name: 'Deployment', exact: true })
    this.regions = page.getByRole('table', { name: 'Regions' })
    this.actions = page.getByRole('region', { name: 'Actions', exact: true })
    this.refreshWatch = this.actions.getByRole('button', { name: 'Refresh watch' })
    this.mintHandover = this.actions.getByRole('button', { name: 'Mint a new handover link' })
    this.handoverLink = this.actions
      .getByRole('status', { name: 'New handover link' })
      .getByRole('link', { name: 'Open the handover link' })
    this.marketplace = this.actions.getByRole('list', { name: 'Marketplace listings' })
  }

  region(key: string): Locator {
    return this.regions.getByRole('row', { name: `Region ${key}` })
  }

  download(key: string): Locator {
    return this.regions.getByRole('button', { name: `Download the kubeconfig of ${key}` })
  }

  publish(slug: string): Locator {
    return this.marketplace.getByRole('switch', { name: `Publish ${slug} in the marketplace` })
  }
}
