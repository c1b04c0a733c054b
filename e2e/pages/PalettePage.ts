import { expect, type Locator, type Page } from '@playwright/test'

/** The command palette (Ctrl/⌘+K or the header's "Search / commands" button) and its ARIA combobox. */
export class PalettePage {
  readonly dialog: Locator
  readonly input: Locator
  readonly list: Locator
  readonly options: Locator
  readonly status: Locator
  readonly button: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Command palette' })
    this.input = this.dialog.getByRole('combobox', { name: 'Search or run a command' })
    this.list = this.dialog.getByRole('listbox', { name: 'Results' })
    this.options = this.list.getByRole('option')
    this.status = this.dialog.getByRole('status')
    this.button = page.getByRole('banner').getByRole('button', { name: 'Search / commands' })
  }

  /** Ctrl+K from wherever focus is; waits for the (lazily loaded) palette and its focused text box. */
  async open(): Promise<void> {
    await this.page.keyboard.press('Control+K')
    await expect(this.input).toBeFocused()
  }

  /** The option the combobox points at (`aria-activedescendant`). */
  active(): Locator {
    return this.options.and(this.page.locator('[aria-selected="true"]'))
  }

  async expectActiveIs(name: string | RegExp): Promise<void> {
    await expect(this.active()).toHaveCount(1)
    await expect(this.active()).toHaveAccessibleName(name)
    const id = await this.active().getAttribute('id')
    await expect(this.input).toHaveAttribute('aria-activedescendant', id!)
  }

  /** Types a query and waits until the first result is `first`. */
  async search(query: string, first: string | RegExp): Promise<void> {
    await this.input.fill(query)
    await this.expectActiveIs(first)
    await expect(this.options.first()).toHaveAccessibleName(first)
  }
}
