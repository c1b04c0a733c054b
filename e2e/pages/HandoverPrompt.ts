import type { Locator, Page } from '@playwright/test'

/**
 * The handover banner a mothership tab shows once a run has its handover link — on the overview, Apps and
 * Jobs (graph too) pages, once per deployment per tab: a 5 s countdown to the Sovereign that "Stay" cancels.
 * Specs that watch a run to its end in several tabs must decline it in each, or those tabs leave.
 */
export class HandoverPrompt {
  readonly stay: Locator
  readonly cancelled: Locator

  constructor(page: Page) {
    const main = page.getByRole('main')
    this.stay = main.getByRole('button', { name: 'Stay on this page' })
    this.cancelled = main.getByText('Automatic redirect cancelled.')
  }

  /** Presses "Stay" if the countdown runs; true once this tab has declined the redirect. */
  async declineIfOffered(): Promise<boolean> {
    if (await this.stay.isVisible()) await this.stay.click()
    return this.cancelled.isVisible()
  }
}
