import { expect, type Locator, type Page } from '@playwright/test'

/** `/users` (Sovereign) and `/provision/<id>/users` (mothership): the UserAccess list. */
export class UsersPage {
  readonly heading: Locator
  readonly table: Locator
  readonly newButton: Locator
  readonly filter: Locator
  readonly empty: Locator
  readonly deleteDialog: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'User access' })
    this.table = page.getByRole('table', { name: 'User access' })
    this.newButton = page.getByRole('link', { name: '+ New user access' }).first()
    this.filter = page.getByRole('search', { name: 'Filter user access' }).getByLabel('Filter')
    this.empty = page
      .getByRole('status')
      .filter({ has: page.getByRole('heading', { name: 'No user access records yet' }) })
    this.deleteDialog = page.getByRole('dialog', { name: 'Delete user access' })
  }

  async open(path: string, origin = ''): Promise<void> {
    await this.page.goto(`${origin}${path}`)
    await expect(this.heading).toBeVisible()
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) })
  }

  nameLink(name: string): Locator {
    return this.table.getByRole('link', { name, exact: true })
  }

  grants(name: string): Locator {
    return this.table.getByRole('list', { name: `Grants of ${name}` })
  }

  async delete(name: string): Promise<void> {
    await this.table.getByRole('button', { name: `Delete ${name}` }).click()
    await expect(this.deleteDialog).toBeVisible()
    const confirm = this.deleteDialog.getByRole('button', { name: 'Delete user access' })
    await expect(confirm).toBeDisabled()
    await this.deleteDialog.getByLabel(/Type .* to confirm/).fill(name.slice(0, -1))
    await expect(confirm).toBeDisabled()
    await this.deleteDialog.getByLabel(/Type .* to confirm/).fill(name)
    await expect(confirm).toBeEnabled()
    await confirm.click()
    await expect(this.deleteDialog).toBeHidden()
  }
}

/** `/users/new` and `/users/<name>`: the UserAccess form. */
export class UserAccessFormPage {
  readonly name: Locator
  readonly subject: Locator
  readonly groups: Locator
  readonly addGrant: Locator
  readonly submitCreate: Locator
  readonly submitSave: Locator
  readonly problems: Locator

  constructor(readonly page: Page) {
    this.name = page.getByLabel('Name', { exact: true })
    this.subject = page.getByLabel('User (Keycloak subject or email)')
    this.groups = page.getByLabel('Groups (comma-separated)')
    this.addGrant = page.getByRole('button', { name: '+ Add grant' })
    this.submitCreate = page.getByRole('button', { name: 'Create user access' })
    this.submitSave = page.getByRole('button', { name: 'Save changes' })
    this.problems = page.getByRole('alert')
  }

  grant(n: number): Locator {
    return this.page.getByRole('group', { name: `Grant ${n}`, exact: true })
  }

  async setGrant(n: number, g: { app?: string; role?: string; namespaces?: string; vClusters?: string }) {
    const row = this.grant(n)
    if (g.app !== undefined) await row.getByLabel('App').selectOption(g.app)
    if (g.role !== undefined) await row.getByLabel('Role').selectOption(g.role)
    if (g.namespaces !== undefined) await row.getByLabel('Namespaces (optional)').fill(g.namespaces)
    if (g.vClusters !== undefined) await row.getByLabel('vClusters (optional)').fill(g.vClusters)
  }
}
