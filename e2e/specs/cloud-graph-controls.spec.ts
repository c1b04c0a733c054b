import type { Page } from '@playwright/test'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { expectNoSeriousA11yViolations } from '../axe.ts'
import { CloudPage } from '../pages/CloudPage.ts'

const t126 = ESTATE.adopted

// Both consoles (see openCloud).
for (const mode of ['mothership', 'sovereign'] as const) {
  test(`density thins the many-of-a-kind types in the graph, "+N more" shows all, in the URL (${mode})`, async ({
    page,
    signIn,
    baseURL,
  }) => {
    const cloud = await openCloud(page, signIn, mode, baseURL!)
    await expect(cloud.nodesOf('PVC')).toHaveCount(36)
    const shown = page.getByRole('status').filter({ hasText: /^Showing \d+ of \d+ resources/ })
    const total = Number(/of (\d+)/.exec((await shown.textContent())!)![1])
    await expect(shown).toHaveText(`Showing ${total} of ${total} resources`)

    await page.getByRole('slider', { name: 'Density' }).fill('50')
    await expect(page).toHaveURL(/density=50/)
    // 36 PVCs (12 per cluster) and 36 volumes (12 per region) → 6 each per container; the rest aggregated.
    await expect(cloud.nodesOf('PVC')).toHaveCount(18)
    await expect(cloud.nodesOf('Volume')).toHaveCount(18)
    await expect(cloud.graph.getByRole('button', { name: '+6 more PVC (show all)' })).toHaveCount(3)
    // Few-of-a-kind types stay whole.
    await expect(cloud.nodesOf('LoadBalancer')).toHaveCount(3)
    await expect(cloud.nodesOf('Node')).toHaveCount(10)
    await expect(shown).toHaveText(`Showing ${total - 36} of ${total} resources`)

    await page.reload()
    await expect(page.getByRole('slider', { name: 'Density' })).toHaveValue('50')
    await expect(cloud.nodesOf('PVC')).toHaveCount(18)
    await expectNoSeriousA11yViolations(page, 'cloud graph, density 50')

    await cloud.graph.getByRole('button', { name: '+6 more Volume (show all)' }).first().click()
    await expect(page).not.toHaveURL(/density=/)
    await expect(cloud.nodesOf('Volume')).toHaveCount(36)
  })

  test(`focus mode: F on a node or a double-click shows it and its neighbours; Escape and Clear focus leave (${mode})`, async ({
    page,
    signIn,
    baseURL,
  }) => {
    const cloud = await openCloud(page, signIn, mode, baseURL!)
    const shown = page.getByRole('status').filter({ hasText: /^Showing \d+ of \d+ resources/ })

    // Keyboard: the load balancer, its cluster and region, the three workers it routes to (in their pool).
    await cloud.node('LoadBalancer', 'ingress-fsn1').focus()
    await page.keyboard.press('f')
    await expect(page).toHaveURL(/focus=LoadBalancer/)
    await expect(shown).toContainText('focus on ingress-fsn1')
    await expect(cloud.nodesOf('LoadBalancer')).toHaveCount(1)
    await expect(cloud.nodesOf('Node')).toHaveCount(3)
    await expect(cloud.node('Region', 'hel1-2')).toHaveCount(0)
    await expect(cloud.node('Cluster', 't126-mesh')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Clear focus' })).toBeVisible()
    await expectNoSeriousA11yViolations(page, 'cloud graph, focus mode')
    await expect(cloud.node('LoadBalancer', 'ingress-fsn1')).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(page).not.toHaveURL(/focus=/)
    await expect(cloud.node('Region', 'hel1-2')).toBeVisible()
    await expect(page.getByRole('button', { name: 'Clear focus' })).toHaveCount(0)

    // Double-click: a cluster and what it contains; the other regions leave.
    // On its header: the middle of a container is covered by what it contains.
    await cloud.node('Cluster', 't126-mesh').dblclick({ position: { x: 12, y: 12 } })
    await expect(page).toHaveURL(/focus=Cluster/)
    await expect(cloud.nodesOf('Cluster')).toHaveCount(1)
    await expect(cloud.nodesOf('PVC')).toHaveCount(12)
    await expect(cloud.node('Region', 'nbg1-1')).toHaveCount(0)
    await page.reload()
    await expect(shown).toContainText('focus on t126-mesh')
    await page.getByRole('button', { name: 'Clear focus' }).click()
    await expect(page).not.toHaveURL(/focus=/)
    await expect(cloud.nodesOf('Cluster')).toHaveCount(3)
  })
}

/**
 * Signs in and opens t126's cloud page: under /provision/<id> on the mothership, at the root of its own
 * console on the Sovereign — there in the light theme, so the axe checks cover both themes.
 */
async function openCloud(
  page: Page,
  signIn: (opts: { origin: string }) => Promise<void>,
  mode: 'mothership' | 'sovereign',
  baseURL: string,
): Promise<CloudPage> {
  const origin = mode === 'mothership' ? baseURL : sovereignOrigin(baseURL, t126.fqdn)
  await page.emulateMedia({ colorScheme: mode === 'sovereign' ? 'light' : 'dark' })
  await signIn({ origin })
  await page.goto(mode === 'mothership' ? `/provision/${t126.id}/cloud` : `${origin}/cloud`)
  return new CloudPage(page)
}
