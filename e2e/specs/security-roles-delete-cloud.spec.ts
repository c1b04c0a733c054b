import { expectNoSeriousA11yViolations } from '../axe.ts'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { CloudPage } from '../pages/CloudPage.ts'
import { DeploymentsPage } from '../pages/DeploymentsPage.ts'

/**
 * Issue 15 item 2, the destructive half: deleting or wiping a deployment and changing a Sovereign's
 * infrastructure need an operator or above (contract §1.2). A viewer sees those controls disabled with the
 * reason in words (or, for a row's Scale/Delete, not at all); an admin keeps them.
 */

const WORDS = {
  delete: 'Your role (viewer) cannot delete or wipe a deployment: it needs an operator or above.',
  infra: 'Your role (viewer) cannot change infrastructure: it needs an operator or above.',
}
const FAILED = ESTATE.failedChart // owned by ops@omani.works; a failed run may be deleted
const OPS = 'ops@omani.works'

for (const tier of ['viewer', 'admin'] as const) {
  test(`Delete on the list and the overview (${tier})`, async ({ page, signIn }) => {
    await signIn({ email: OPS, tier })
    const list = new DeploymentsPage(page)
    await list.goto()
    const del = list.row(FAILED.fqdn).getByRole('button', { name: `Delete ${FAILED.fqdn}` })
    if (tier === 'viewer') {
      await expect(del).toBeDisabled()
      await expect(del).toHaveAccessibleDescription(WORDS.delete)
    } else {
      await expect(del).toBeEnabled()
      await del.click()
      await expect(page.getByRole('dialog', { name: /Delete/ })).toBeVisible()
      await page.keyboard.press('Escape')
      await expect(page.getByRole('dialog')).toHaveCount(0)
    }

    await page.goto(`/provision/${FAILED.id}`)
    const overviewDelete = page.getByRole('main').getByRole('button', { name: 'Delete…' })
    await expect(overviewDelete).toBeVisible()
    const note = page.getByRole('note').filter({ hasText: WORDS.delete })
    if (tier === 'viewer') {
      await expect(overviewDelete).toBeDisabled()
      await expect(overviewDelete).toHaveAccessibleDescription(WORDS.delete)
      await expect(note).toBeVisible()
      await expectNoSeriousA11yViolations(page, 'overview, delete gated')
    } else {
      await expect(overviewDelete).toBeEnabled()
      await expect(note).toHaveCount(0)
    }
  })

  test(`Cloud Day-2 actions on a Sovereign (${tier})`, async ({ page, signIn, baseURL }) => {
    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await signIn({ origin, tier })
    const cloud = new CloudPage(page)
    await page.goto(`${origin}/cloud?view=list&kind=node-pools`)
    const table = cloud.table('Node pools')
    await expect(table).toBeVisible()
    const add = page.getByRole('button', { name: 'Add node pool' })
    const scale = table.getByRole('button', { name: /^Scale node pool / })
    if (tier === 'viewer') {
      await expect(add).toBeDisabled()
      await expect(add).toHaveAccessibleDescription(WORDS.infra)
      await expect(page.getByRole('note').filter({ hasText: WORDS.infra })).toBeVisible()
      await expect(table.getByRole('row').nth(1)).toBeVisible()
      await expect(scale).toHaveCount(0)
      await expect(table.getByRole('button', { name: /^Delete node pool / })).toHaveCount(0)
      await expectNoSeriousA11yViolations(page, 'cloud node pools, actions gated')
    } else {
      await expect(add).toBeEnabled()
      await expect(scale.first()).toBeVisible()
      await expect(page.getByRole('note').filter({ hasText: WORDS.infra })).toHaveCount(0)
    }
  })
}
