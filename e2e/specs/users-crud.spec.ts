import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { UserAccessFormPage, UsersPage } from '../pages/UsersPage.ts'

test.describe('user access on a Sovereign', () => {
  test('lists records with grants as "app (role)" and mode-aware links', async ({
    page,
    signIn,
    baseURL,
  }) => {
    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await signIn({ origin })
    const users = new UsersPage(page)
    await users.open('/users', origin)
    await expect(users.table.getByRole('row')).toHaveCount(4) // header + owner + 2 seeded
    const owner = 'useraccess-owner-ops-omani-works'
    await expect(users.row(owner)).toContainText('ops@omani.works')
    await expect(users.grants(owner)).toHaveText('* (admin)')
    await expect(users.row('sre-oncall')).toContainText('groups: sre, oncall')
    await expect(users.grants('sre-oncall').getByRole('listitem')).toHaveText([
      'bp-grafana (editor)',
      'bp-loki (viewer) ns loki',
    ])
    await expect(users.row('sre-oncall').getByRole('cell').nth(3)).toHaveText('2')
    // Clean Sovereign URLs, never /provision/... (upstream bug).
    await expect(users.newButton).toHaveAttribute('href', '/users/new')
    await expect(users.nameLink('sre-oncall')).toHaveAttribute('href', '/users/sre-oncall')

    // Sort is in the URL too: dates start newest first.
    await users.table.getByRole('button', { name: /Created/ }).click()
    await expect(page).toHaveURL(/[?&]sort=created&dir=desc(&|$)/)
    await expect(users.table.getByRole('columnheader', { name: /Created/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    )
    await expect(users.table.getByRole('row').nth(1).getByRole('link')).toHaveText('harbor-admins')
    await expect(users.table.getByRole('row').nth(3).getByRole('link')).toHaveText(owner)

    await users.filter.fill('registry')
    await expect(page).toHaveURL(/[?&]q=registry(&|$)/)
    await expect(users.table.getByRole('row')).toHaveCount(2)
    await expect(users.nameLink('harbor-admins')).toBeVisible()
  })

  test('create validates, then POSTs; edit PUTs; delete needs the typed name', async ({
    page,
    signIn,
    baseURL,
  }) => {
    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await signIn({ origin })
    const users = new UsersPage(page)
    const form = new UserAccessFormPage(page)
    await users.open('/users', origin)
    await users.newButton.click()
    await expect(page).toHaveURL(`${origin}/users/new`)
    await expect(page.getByRole('heading', { level: 1, name: 'New user access' })).toBeVisible()

    // Nothing filled: every problem is named, and the first invalid field has focus.
    await form.submitCreate.click()
    await expect(form.problems).toContainText('Fix these 3 problems before saving')
    await expect(form.problems).toContainText('Enter a name for the record.')
    await expect(form.problems).toContainText(
      'Give the user (Keycloak subject or email) or at least one group.',
    )
    await expect(form.problems).toContainText('Choose an app (or * for all apps).')
    await expect(form.name).toBeFocused()
    await expect(form.name).toHaveAttribute('aria-invalid', 'true')

    await form.name.fill('Jane_Doe')
    await expect(form.name).toHaveAccessibleDescription(/Use lowercase letters, digits/)
    await form.name.fill('sre-oncall')
    await expect(form.name).toHaveAccessibleDescription(/A record named “sre-oncall” already exists/)
    await form.name.fill('jane-doe')
    await expect(form.name).not.toHaveAttribute('aria-invalid', 'true')
    await form.subject.fill('jane@acme.io')
    await form.setGrant(1, { app: 'bp-harbor', role: 'editor', namespaces: 'harbor, Bad_NS' })
    await form.addGrant.click()
    await form.setGrant(2, { app: 'bp-harbor', role: 'editor' })
    await expect(form.grant(2).getByLabel('App')).toHaveAccessibleDescription(
      'Duplicate grant: bp-harbor (editor) is already grant 1.',
    )
    await expect(form.grant(1).getByLabel('Namespaces (optional)')).toHaveAccessibleDescription(/Bad_NS/)
    await form.setGrant(1, { namespaces: 'harbor' })
    await form.setGrant(2, { app: '*', role: 'viewer', vClusters: 'mgmt' })
    await expect(form.problems).toHaveCount(0)

    const post = page.waitForRequest(
      (r) => r.method() === 'POST' && r.url().endsWith('/api/v1/admin/user-access'),
    )
    await form.submitCreate.click()
    const body = (await post).postDataJSON() as Record<string, unknown>
    expect(body).toEqual({
      name: 'jane-doe',
      spec: {
        user: { keycloakSubject: 'jane@acme.io', keycloakGroups: [] },
        sovereignRef: ESTATE.adopted.fqdn.split('.')[0], // the first label (upstream #1564)
        applications: [
          { app: 'bp-harbor', role: 'editor', namespaces: ['harbor'], vClusters: [] },
          { app: '*', role: 'viewer', namespaces: [], vClusters: ['mgmt'] },
        ],
      },
    })
    await expect(page).toHaveURL(`${origin}/users`)
    await expect(users.grants('jane-doe').getByRole('listitem')).toHaveText([
      'bp-harbor (editor) ns harbor',
      '* (viewer) vc mgmt',
    ])
    await expect(users.row('jane-doe')).toContainText('jane@acme.io')

    // Edit: remove a grant, change a role → PUT.
    await users.nameLink('jane-doe').click()
    await expect(page).toHaveURL(`${origin}/users/jane-doe`)
    await expect(page.getByRole('heading', { level: 1, name: 'Edit jane-doe' })).toBeVisible()
    await expect(form.grant(2).getByLabel('App')).toHaveValue('*')
    await form.grant(2).getByRole('button', { name: 'Remove grant 2' }).click()
    await form.setGrant(1, { role: 'admin' })
    const put = page.waitForRequest(
      (r) => r.method() === 'PUT' && r.url().endsWith('/api/v1/admin/user-access/jane-doe'),
    )
    await form.submitSave.click()
    expect(((await put).postDataJSON() as { spec: { applications: unknown[] } }).spec.applications).toEqual([
      { app: 'bp-harbor', role: 'admin', namespaces: ['harbor'], vClusters: [] },
    ])
    await expect(page).toHaveURL(`${origin}/users`)
    await expect(users.grants('jane-doe')).toHaveText('bp-harbor (admin) ns harbor')

    // Removing the last grant is refused before anything is sent.
    await users.nameLink('jane-doe').click()
    await form.grant(1).getByRole('button', { name: 'Remove grant 1' }).click()
    await form.submitSave.click()
    await expect(form.problems).toContainText('Add at least one grant.')
    await page.getByRole('link', { name: 'Cancel' }).click()

    // Delete behind the typed confirmation; the row disappears without a reload.
    const del = page.waitForRequest(
      (r) => r.method() === 'DELETE' && r.url().endsWith('/user-access/jane-doe'),
    )
    await users.delete('jane-doe')
    await del
    await expect(users.row('jane-doe')).toHaveCount(0)
    await expect(users.table.getByRole('row')).toHaveCount(4)
  })

  test('a 409 from the server is shown readably and nothing is lost', async ({ page, signIn, baseURL }) => {
    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await signIn({ origin })
    const form = new UserAccessFormPage(page)
    await page.goto(`${origin}/users/new`)
    await form.name.fill('late-arrival')
    await form.groups.fill('auditors')
    await form.setGrant(1, { app: 'bp-grafana', role: 'viewer' })
    // Someone else creates the same name after this page loaded the list: only the server can tell.
    await signIn()
    const created = await page.request.post(
      `${baseURL}/api/v1/deployments/${ESTATE.adopted.id}/admin/user-access`,
      {
        data: {
          name: 'late-arrival',
          spec: { user: { keycloakGroups: ['x'] }, applications: [{ app: '*', role: 'viewer' }] },
        },
      },
    )
    expect(created.status()).toBe(201)
    await form.submitCreate.click()
    await expect(form.problems).toContainText(
      'Not saved: A user access record named “late-arrival” already exists. Choose another name, or edit the existing record.',
    )
    await expect(form.problems).toBeFocused()
    await expect(page).toHaveURL(`${origin}/users/new`)
    await expect(form.name).toHaveValue('late-arrival')
    await expect(form.groups).toHaveValue('auditors')
  })

  test('a 400 from the server is shown with its reason', async ({ page, signIn, baseURL }) => {
    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await signIn({ origin })
    const form = new UserAccessFormPage(page)
    // A backend with stricter rules than this console (e.g. a newer admission policy) refuses the record.
    await page.route('**/api/v1/admin/user-access', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({
              error: 'invalid-user-access',
              detail: 'spec.user.keycloakSubject: unknown user',
            }),
          })
        : route.continue(),
    )
    await page.goto(`${origin}/users/new`)
    await form.name.fill('ghost')
    await form.subject.fill('ghost@nowhere.io')
    await form.setGrant(1, { app: '*', role: 'viewer' })
    await form.submitCreate.click()
    await expect(form.problems).toHaveText(
      'Not saved: The server rejected the record: spec.user.keycloakSubject: unknown user',
    )
    await expect(page).toHaveURL(`${origin}/users/new`)
  })

  test('an unknown record name is a clear not-found page', async ({ page, signIn, baseURL }) => {
    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await signIn({ origin })
    await page.goto(`${origin}/users/nobody-here`)
    await expect(page.getByRole('heading', { level: 1, name: 'User access not found' })).toBeVisible()
    await page.getByRole('link', { name: 'Back to user access' }).click()
    await expect(page).toHaveURL(`${origin}/users`)
  })
})

test.describe('user access on the mothership', () => {
  test.beforeEach(async ({ signIn }) => {
    await signIn()
  })

  test('links stay under /provision/<id>/users and create/delete work through the deployment path', async ({
    page,
  }) => {
    const dep = ESTATE.ready.id
    const users = new UsersPage(page)
    const form = new UserAccessFormPage(page)
    await users.open(`/provision/${dep}/users`)
    await expect(users.newButton).toHaveAttribute('href', `/provision/${dep}/users/new`)
    await expect(users.nameLink('harbor-admins')).toHaveAttribute(
      'href',
      `/provision/${dep}/users/harbor-admins`,
    )

    await users.newButton.click()
    await form.name.fill('ci-bot')
    await form.groups.fill('ci')
    await form.setGrant(1, { app: 'bp-gitea', role: 'editor' })
    const post = page.waitForRequest(
      (r) => r.method() === 'POST' && r.url().endsWith(`/api/v1/deployments/${dep}/admin/user-access`),
    )
    await form.submitCreate.click()
    await post
    await expect(page).toHaveURL(`/provision/${dep}/users`)
    await expect(users.grants('ci-bot')).toHaveText('bp-gitea (editor)')

    await users.nameLink('ci-bot').click()
    await expect(page).toHaveURL(`/provision/${dep}/users/ci-bot`)
    await page.getByRole('button', { name: 'Delete…' }).click()
    const dialog = users.deleteDialog
    await dialog.getByLabel(/Type .* to confirm/).fill('ci-bot')
    await dialog.getByRole('button', { name: 'Delete user access' }).click()
    await expect(page).toHaveURL(`/provision/${dep}/users`)
    await expect(users.row('ci-bot')).toHaveCount(0)
  })

  test('a deployment without any UserAccess ({items: null}) renders an explained empty list (regression 53)', async ({
    page,
  }) => {
    const users = new UsersPage(page)
    const res = page.waitForResponse((r) =>
      r.url().endsWith(`/api/v1/deployments/${ESTATE.live.id}/admin/user-access`),
    )
    await users.open(`/provision/${ESTATE.live.id}/users`)
    expect(await (await res).json()).toEqual({ items: null })
    await expect(users.empty).toBeVisible()
    await expect(users.table).toHaveCount(0)
    await expect(page.getByRole('main').getByRole('link', { name: '+ New user access' })).toHaveCount(2)
  })
})
