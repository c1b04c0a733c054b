import { expectNoSeriousA11yViolations } from '../axe.ts'
import { ESTATE, expect, expectHeading, sovereignOrigin, test } from '../fixtures.ts'
import { CloudPage } from '../pages/CloudPage.ts'

const t126 = ESTATE.adopted
const acme = ESTATE.ready

for (const mode of ['mothership', 'sovereign'] as const) {
  test(`add a node pool: pending row at once, then its job (${mode})`, async ({ page, signIn, baseURL }) => {
    const dep = mode === 'sovereign' ? t126 : acme
    const origin = mode === 'sovereign' ? sovereignOrigin(baseURL!, dep.fqdn) : baseURL!
    const base = mode === 'sovereign' ? `${origin}/cloud` : `${origin}/provision/${dep.id}/cloud`
    // The Sovereign's run in the light theme, so the dialog's axe check covers both themes.
    await page.emulateMedia({ colorScheme: mode === 'sovereign' ? 'light' : 'dark' })
    await signIn({ origin })
    const cloud = new CloudPage(page)
    await page.goto(`${base}?view=list&kind=node-pools`)
    const table = cloud.table('Node pools')
    await expect(table).toBeVisible()
    const before = await cloud.rowCount('Node pools')

    await page.getByRole('button', { name: 'Add node pool' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add node pool' })
    await expect(dialog).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'add node pool dialog')
    // Validation before anything is sent.
    await dialog.getByRole('button', { name: 'Add node pool' }).click()
    await expect(dialog.getByText('A name is required.')).toBeVisible()
    await dialog.getByLabel('Name').fill('gpu')
    await dialog.getByLabel('Server type').selectOption('ccx33')
    await dialog.getByLabel('Nodes').fill('4')
    await dialog.getByLabel('Nodes').press('Enter')
    await expect(dialog).toBeHidden()

    const row = table.getByRole('row', { name: /\bgpu\b/ })
    await expect(row).toContainText('Add pending')
    await expect(row).toContainText('0/4')
    expect(await cloud.rowCount('Node pools')).toBe(before + 1)
    await row.getByRole('link', { name: 'Job mutation-add-pool-gpu' }).click()
    await expectHeading(page, /mutation-add-pool-gpu/)
    // Back on the page, the accepted change is still shown.
    await page.goBack()
    await expect(cloud.table('Node pools').getByRole('row', { name: /\bgpu\b/ })).toContainText('Add pending')
  })
}

test('scale a pool, delete a pool and a region with the typed name', async ({ page, signIn, baseURL }) => {
  const origin = sovereignOrigin(baseURL!, t126.fqdn)
  await signIn({ origin })
  const cloud = new CloudPage(page)
  await page.goto(`${origin}/cloud?view=list&kind=node-pools`)
  const table = cloud.table('Node pools')
  const poolName = 'workers-fsn1'
  await table.getByRole('button', { name: `Scale node pool ${poolName}` }).click()
  const scaleDialog = page.getByRole('dialog', { name: `Scale node pool ${poolName}` })
  await expectNoSeriousA11yViolations(page, 'scale dialog')
  await scaleDialog.getByLabel('Nodes').fill('7')
  await scaleDialog.getByRole('button', { name: 'Scale' }).click()
  const row = table.getByRole('row', { name: new RegExp(poolName) })
  await expect(row).toContainText('Scale to 7 pending')
  await expect(row).toContainText('/7')
  await expect(row.getByRole('link', { name: /^Job mutation-update-pool-/ })).toBeVisible()

  await row.getByRole('button', { name: `Delete node pool ${poolName}` }).click()
  const del = page.getByRole('dialog', { name: `Delete node pool ${poolName}` })
  await expect(del.getByRole('list', { name: 'What is removed' })).toContainText('drained and removed')
  await expectNoSeriousA11yViolations(page, 'delete pool dialog')
  const confirm = del.getByRole('button', { name: 'Delete node pool' })
  await expect(confirm).toBeDisabled()
  await del.getByLabel(/to confirm/).fill(poolName)
  await confirm.click()
  await expect(row).toContainText('Delete pending')
  await expect(row.getByRole('link', { name: /^Job mutation-remove-pool-/ })).toBeVisible()

  await cloud.kindTab('Regions').click()
  const regions = cloud.table('Regions')
  await regions.getByRole('button', { name: 'Delete region hel1-2' }).click()
  const delRegion = page.getByRole('dialog', { name: 'Delete region hel1-2' })
  await delRegion.getByLabel(/to confirm/).fill('hel1-2')
  await delRegion.getByRole('button', { name: 'Delete region' }).click()
  await expect(regions.getByRole('row', { name: /hel1-2/ })).toContainText('Delete pending')

  await page.getByRole('button', { name: 'Add region' }).click()
  const addRegion = page.getByRole('dialog', { name: 'Add region' })
  await expectNoSeriousA11yViolations(page, 'add region dialog')
  await addRegion.getByLabel('Location').selectOption('sin')
  await addRegion.getByRole('button', { name: 'Add region' }).click()
  await expect(regions.getByRole('row', { name: /\bsin\b/ })).toContainText('Add pending')
  await expect(
    page.getByRole('status').getByRole('link', { name: 'Open job mutation-add-region-sin' }),
  ).toBeVisible()
})

for (const status of [409, 500] as const) {
  test(`a refused add (${status}) rolls back with the message and Retry`, async ({
    page,
    signIn,
    allowConsoleErrors,
  }) => {
    allowConsoleErrors([/status of 500/])
    await signIn()
    const cloud = new CloudPage(page)
    let refuse = true
    await page.route('**/infrastructure/clusters/*/pools', async (route) => {
      if (!refuse) return route.fallback()
      await route.fulfill({
        status,
        contentType: 'application/json',
        body: JSON.stringify(
          status === 409
            ? { error: 'xrc-name-conflict', detail: 'an XRC with name x-pool-gpu already exists' }
            : { error: 'xrc-submit-failed', detail: 'etcd timeout' },
        ),
      })
    })
    await page.goto(`/provision/${acme.id}/cloud?view=list&kind=node-pools`)
    const table = cloud.table('Node pools')
    await expect(table).toBeVisible()
    const before = await cloud.rowCount('Node pools')
    await page.getByRole('button', { name: 'Add node pool' }).click()
    const dialog = page.getByRole('dialog', { name: 'Add node pool' })
    await dialog.getByLabel('Name').fill('gpu')
    await dialog.getByRole('button', { name: 'Add node pool' }).click()
    const alert = page.getByRole('alert').filter({ hasText: 'Add node pool “gpu” was refused.' })
    await expect(alert).toContainText(status === 409 ? 'already requested' : 'The API failed (500)')
    await expect(table.getByRole('row', { name: /\bgpu\b/ })).toHaveCount(0)
    expect(await cloud.rowCount('Node pools')).toBe(before)

    refuse = false
    await alert.getByRole('button', { name: 'Retry' }).click()
    await expect(alert).toBeHidden()
    await expect(table.getByRole('row', { name: /\bgpu\b/ })).toContainText('Add pending')
  })
}
