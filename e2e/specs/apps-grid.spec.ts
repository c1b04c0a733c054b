import type { APIRequestContext } from '@playwright/test'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { AppsPage } from '../pages/AppsPage.ts'

interface CatalogWire {
  items: { name: string }[]
}
interface StateWire {
  regions: { region: string; primary: boolean }[]
  componentStates: Record<string, string> | null
}

/**
 * An independent oracle for "installed": a catalog blueprint whose HelmRelease is installed in every region
 * it has a state in (and it has one somewhere). Computed here from the raw API, not from the console's code.
 */
async function installedFromApi(request: APIRequestContext, baseURL: string, depId: string) {
  const catalog = (await (await request.get(`${baseURL}/api/v1/catalog`)).json()) as CatalogWire
  const state = (await (await request.get(`${baseURL}/api/v1/deployments/${depId}`)).json()) as StateWire
  const states = state.componentStates ?? {}
  let installed = 0
  for (const bp of catalog.items) {
    const slug = bp.name.replace(/^(bp-)+/, '')
    const mine = state.regions
      .map((r) => states[r.primary ? slug : `${r.region}:${slug}`])
      .filter((s): s is string => s !== undefined)
    if (mine.length > 0 && mine.every((s) => s === 'installed')) installed++
  }
  return { catalog: catalog.items.map((i) => i.name), installed }
}

test.describe('apps grid on the mothership', () => {
  test.beforeEach(async ({ signIn }) => {
    await signIn()
  })

  test('counts match the catalog: N installed of M, and the Installed filter shows exactly N cards (regression 47)', async ({
    page,
    baseURL,
  }) => {
    const apps = new AppsPage(page)
    // The live deployment is mid-Phase-1: some apps installed, some installing, some pending.
    await apps.open(`/provision/${ESTATE.live.id}/apps`)
    const oracle = await installedFromApi(page.request, baseURL!, ESTATE.live.id)
    const counts = await apps.readCounts()
    expect(counts.catalog).toBe(oracle.catalog.length)
    expect(counts.installed).toBe(oracle.installed)
    expect(counts.installed).toBeGreaterThan(0)
    expect(counts.installed).toBeLessThan(counts.catalog)

    expect(await apps.optionCount(apps.status, 'Installed')).toBe(counts.installed)
    expect(await apps.optionCount(apps.status, 'Whole catalog')).toBe(counts.catalog)
    const onDeployment = await apps.optionCount(apps.status, 'On this deployment')
    await expect(apps.cards).toHaveCount(onDeployment)

    await apps.status.selectOption({ label: `Installed (${counts.installed})` })
    await expect(page).toHaveURL(/[?&]status=installed(&|$)/)
    await expect(apps.cards).toHaveCount(counts.installed)
    for (const card of await apps.cards.all()) await expect(card).toHaveAttribute('data-status', 'installed')

    await apps.status.selectOption('installing')
    await expect(apps.cards.first()).toHaveAttribute('data-status', 'installing')
    await expect(apps.cards).toHaveCount(await apps.optionCount(apps.status, 'Installing'))

    await apps.status.selectOption('all')
    await expect(apps.cards).toHaveCount(counts.catalog)
    await expect(apps.showing).toHaveText(`Showing ${counts.catalog} of ${counts.catalog}`)
  })

  test('every card links to bp-<slug> (never bp-bp-) on the mothership tree, one per catalog blueprint', async ({
    page,
    baseURL,
  }) => {
    const apps = new AppsPage(page)
    await apps.open(`/provision/${ESTATE.ready.id}/apps?status=all`)
    const { catalog } = await installedFromApi(page.request, baseURL!, ESTATE.ready.id)
    await expect(apps.cards).toHaveCount(catalog.length)
    const hrefs = await apps.cardHrefs()
    expect(hrefs).toHaveLength(catalog.length)
    for (const href of hrefs) {
      expect(href).toMatch(new RegExp(`^/provision/${ESTATE.ready.id}/app/bp-[a-z0-9-]+$`))
      expect(href).not.toContain('bp-bp-')
    }
    const ids = new Set(hrefs.map((h) => h.slice(h.lastIndexOf('/') + 1)))
    expect(ids).toEqual(new Set(catalog.map((n) => `bp-${n.replace(/^(bp-)+/, '')}`)))

    // A card's placement shows every region of the 3-region deployment with its status.
    await expect(apps.placement('Cilium').getByRole('listitem')).toHaveCount(3)
    await expect(
      apps.placement('Cilium').getByRole('listitem', { name: 'fsn1 (primary): Installed' }),
    ).toBeVisible()
    await expect(apps.placement('Cilium').getByRole('listitem', { name: 'hel1-2: Installed' })).toBeVisible()

    await apps.card('Harbor').getByRole('link', { name: 'Harbor' }).click()
    await expect(page).toHaveURL(`/provision/${ESTATE.ready.id}/app/bp-harbor`)
    await expect(page.getByRole('heading', { level: 1, name: 'Harbor' })).toBeVisible()
  })

  test('search, family and status filters live in the URL and come back from it', async ({ page }) => {
    const apps = new AppsPage(page)
    await apps.open(`/provision/${ESTATE.degraded.id}/apps`)

    await apps.search.fill('loki')
    await expect(page).toHaveURL(/[?&]q=loki(&|$)/)
    await expect(apps.cards).toHaveCount(1)
    // secondary-degraded: loki failed in the last region only → degraded overall, failed in hel1-2.
    await expect(apps.card('Loki')).toHaveAttribute('data-status', 'degraded')
    await expect(apps.placement('Loki').getByRole('listitem', { name: 'hel1-2: Failed' })).toBeVisible()

    await apps.search.fill('')
    await apps.family.selectOption('insights')
    await expect(page).toHaveURL(/[?&]family=insights(&|$)/)
    await expect(page).not.toHaveURL(/[?&]q=/)
    const insights = await apps.optionCount(apps.family, 'Observability')
    await expect(apps.cards).toHaveCount(insights)
    for (const card of await apps.cards.all()) await expect(card).toContainText('Observability')

    await apps.status.selectOption('degraded')
    await expect(page).toHaveURL(/[?&]status=degraded(&|$)/)
    await expect(apps.cards).toHaveCount(1)
    await expect(apps.card('Loki')).toBeVisible()

    // A shared URL restores every control.
    const shared = page.url()
    const other = await page.context().newPage()
    const again = new AppsPage(other)
    await other.goto(shared)
    await expect(again.heading).toBeVisible()
    await expect(again.family).toHaveValue('insights')
    await expect(again.status).toHaveValue('degraded')
    await expect(again.cards).toHaveCount(1)
    await other.close()

    await apps.clearFilters.click()
    await expect(page).toHaveURL(new RegExp(`/provision/${ESTATE.degraded.id}/apps$`))
    await expect(apps.family).toHaveValue('')
    await expect(apps.search).toHaveValue('')

    await apps.search.fill('no-such-app-anywhere')
    await expect(page.getByRole('heading', { name: 'No applications match' })).toBeVisible()
  })

  test('a deployment still in Phase 0 explains that nothing is installed yet and offers the catalog', async ({
    page,
  }) => {
    const apps = new AppsPage(page)
    await apps.open(`/provision/${ESTATE.provisioning.id}/apps`)
    expect((await apps.readCounts()).installed).toBe(0)
    await expect(
      page.getByRole('heading', { name: 'Nothing is installed on this deployment yet' }),
    ).toBeVisible()
    await page.getByRole('button', { name: /Browse the whole catalog/ }).click()
    await expect(page).toHaveURL(/[?&]status=all(&|$)/)
    await expect(apps.cards.first()).toHaveAttribute('data-status', 'available')
  })

  test('an unknown deployment id is an error, not "0 installed"', async ({ page }) => {
    await page.goto('/provision/0000000000000000/apps')
    await expect(page.getByRole('heading', { name: 'Deployment not found' })).toBeVisible()
    await expect(new AppsPage(page).counts).toHaveCount(0)
  })
})

test.describe('apps grid on a Sovereign', () => {
  test('clean /apps and /app/bp-<slug> links, counts match the catalog, no malformed-id notification (regression 48)', async ({
    page,
    signIn,
    baseURL,
  }) => {
    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await signIn({ origin })
    await signIn() // the oracle reads the raw API through the mothership
    const apps = new AppsPage(page)
    await apps.open('/apps', origin)
    const { catalog, installed } = await installedFromApi(page.request, baseURL!, ESTATE.adopted.id)
    expect(await apps.readCounts()).toEqual({ installed, catalog: catalog.length })
    expect(installed).toBe(catalog.length)
    await expect(apps.cards).toHaveCount(catalog.length)
    for (const href of await apps.cardHrefs()) expect(href).toMatch(/^\/app\/bp-(?!bp-)[a-z0-9-]+$/)

    // Live data from /sovereign/apps: public endpoints get an "Open" link.
    await expect(apps.card('Grafana').getByRole('link', { name: 'Open Grafana (new tab)' })).toHaveAttribute(
      'href',
      `https://grafana.${ESTATE.adopted.fqdn}/`,
    )

    await expect(page.getByText(/malformed/i)).toHaveCount(0)
    const stored = await page.evaluate(() => sessionStorage.getItem('cc-notifications') ?? '')
    expect(stored).not.toMatch(/malformed/i)
  })
})
