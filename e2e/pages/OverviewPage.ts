import { expect, type Locator, type Page } from '@playwright/test'
import { HandoverPrompt } from './HandoverPrompt.ts'

/** `/provision/<id>`: the deployment overview (status, live log line, timeline, regions, events, handover). */
export class OverviewPage {
  readonly main: Locator
  constructor(readonly page: Page) {
    this.main = page.getByRole('main')
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`/provision/${id}`)
  }

  heading(fqdn: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: fqdn })
  }

  /** The status pill in the header ("Status: <status>"). */
  status(): Locator {
    return this.main.getByLabel(/^Status: /)
  }

  liveLog(): Locator {
    return this.main.getByRole('status', { name: 'Live log' })
  }

  timeline(): Locator {
    return this.main.getByRole('list', { name: 'Phase timeline' })
  }

  /** A timeline step by its label; its accessible name ends with its state ("Bootstrap Flux: done"). */
  step(label: string): Locator {
    return this.timeline().getByRole('listitem', {
      name: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `),
    })
  }

  regionProgress(): Locator {
    return this.main.getByRole('list', { name: 'Install progress per region' })
  }

  region(key: string): Locator {
    return this.main.getByRole('listitem', { name: `Region ${key}` })
  }

  events(): Locator {
    return this.main.getByRole('list', { name: 'Recent events, newest first' })
  }

  pageLink(name: 'Jobs' | 'Flow' | 'Dashboard' | 'Cloud'): Locator {
    return this.main.getByRole('navigation', { name: 'Deployment pages' }).getByRole('link', { name })
  }

  /** A button, not a link: the handover link is minted only when it is pressed (issue 15 item 3). */
  openConsole(): Locator {
    return this.main.getByRole('button', { name: 'Open your Sovereign console' })
  }

  stay(): Locator {
    return new HandoverPrompt(this.page).stay
  }

  cancelAndWipe(): Locator {
    return this.main.getByRole('button', { name: 'Cancel and wipe…' })
  }

  deleteButton(): Locator {
    return this.main.getByRole('button', { name: 'Delete…' })
  }

  async expectStatus(text: string | RegExp): Promise<void> {
    await expect(this.status()).toHaveText(text)
  }
}
