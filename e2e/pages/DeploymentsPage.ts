import { expect, type Locator, type Page } from '@playwright/test'

/** `/deployments`: the table, its sort headers, filters and the delete dialog (by role and name). */
export class DeploymentsPage {
  readonly table: Locator
  readonly filter: Locator
  readonly statusFilter: Locator

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Deployments' })
    this.filter = page.getByRole('searchbox', { name: 'Filter deployments' })
    this.statusFilter = page.getByRole('combobox', { name: 'Status' })
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/deployments${query}`)
    await expect(this.page.getByRole('heading', { level: 1, name: 'Deployments' })).toBeVisible()
  }

  /** Data rows (the header row excluded). */
  rows(): Locator {
    return this.table.locator('tbody').getByRole('row')
  }

  row(fqdn: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('link', { name: fqdn, exact: true }) })
  }

  /** FQDNs in display order. */
  async fqdns(): Promise<string[]> {
    await expect(this.rows().first()).toBeVisible()
    return this.table.locator('tbody').getByRole('row').getByRole('link').allInnerTexts()
  }

  header(name: string): Locator {
    return this.table.getByRole('columnheader', { name })
  }

  async sortBy(name: string): Promise<void> {
    await this.header(name).getByRole('button', { name }).click()
  }

  deleteButton(fqdn: string): Locator {
    return this.table.getByRole('button', { name: `Delete ${fqdn}` })
  }

  // ── the delete dialog ────────────────────────────────────────────────────────────────────────────────
  dialog(fqdn: string): Locator {
    return this.page.getByRole('dialog', { name: `Delete ${fqdn}` })
  }

  async openDelete(fqdn: string): Promise<Locator> {
    await this.deleteButton(fqdn).click()
    const d = this.dialog(fqdn)
    await expect(d).toBeVisible()
    return d
  }
}

/** The delete dialog's controls (shared by the list and the overview). */
export class DeleteDialog {
  constructor(
    readonly dialog: Locator,
    readonly fqdn: string,
  ) {}

  recordMode(): Locator {
    return this.dialog.getByRole('radio', { name: 'Delete record only' })
  }
  wipeMode(): Locator {
    return this.dialog.getByRole('radio', { name: 'Wipe infrastructure and delete record' })
  }
  confirmInput(): Locator {
    return this.dialog.getByLabel(`Type ${this.fqdn} to confirm`)
  }
  token(): Locator {
    return this.dialog.getByLabel('Hetzner API token')
  }
  recordButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Delete record only' })
  }
  wipeButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Wipe infrastructure and delete record' })
  }
  forceButton(): Locator {
    return this.dialog.getByRole('button', { name: 'Force wipe and delete record' })
  }
  alert(): Locator {
    return this.dialog.getByRole('alert')
  }
  preview(): Locator {
    return this.dialog.getByRole('table', { name: 'Resources destroyed per region' })
  }
  done(): Locator {
    return this.dialog.getByRole('button', { name: 'Done' })
  }
}
