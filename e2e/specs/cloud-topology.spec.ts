import { expectNoSeriousA11yViolations } from '../axe.ts'
import { ESTATE, expect, expectHeading, sovereignOrigin, test } from '../fixtures.ts'
import { afterTwoFrames } from '../frames.ts'
import { CloudPage } from '../pages/CloudPage.ts'

const t126 = ESTATE.adopted
const acme = ESTATE.ready

/** Chip type → list tab label: the two views must count the same things. */
const KINDS: [string, string][] = [
  ['Region', 'Regions'],
  ['Cluster', 'Clusters'],
  ['vCluster', 'vClusters'],
  ['LoadBalancer', 'Load balancers'],
  ['NodePool', 'Node pools'],
  ['Node', 'Nodes'],
  ['Network', 'Networks'],
  ['PVC', 'PVCs'],
  ['Volume', 'Volumes'],
  ['Bucket', 'Buckets'],
]

for (const mode of ['sovereign', 'mothership'] as const) {
  test(`graph and list counts agree on a 3-region Sovereign (${mode})`, async ({ page, signIn, baseURL }) => {
    const dep = mode === 'sovereign' ? t126 : acme
    const origin = mode === 'sovereign' ? sovereignOrigin(baseURL!, dep.fqdn) : baseURL!
    const base = mode === 'sovereign' ? `${origin}/cloud` : `${origin}/provision/${dep.id}/cloud`
    await signIn({ origin })
    const cloud = new CloudPage(page)
    await page.goto(base)
    await expectHeading(page, 'Cloud')
    await expect(cloud.graph).toBeVisible()

    // Regressions 42–45: all regions, LB and vCluster chips non-zero, never N/0.
    await expect(cloud.chip('Region')).toHaveText(/Region 3\/3$/)
    await expect(cloud.chip('Cluster')).toHaveText(/Cluster 3\/3$/)
    await expect(cloud.chip('LoadBalancer')).toHaveText(/LoadBalancer 3\/3$/)
    await expect(cloud.chip('vCluster')).toHaveText(/vCluster 6\/6$/)
    await expect(cloud.chips.getByRole('button', { name: / [1-9]\d*\/0$/ })).toHaveCount(0)
    for (const region of ['fsn1', 'nbg1-1', 'hel1-2'])
      await expect(cloud.node('Region', region)).toBeVisible()
    await expect(cloud.nodesOf('Cluster')).toHaveCount(3)
    await expect(cloud.nodesOf('LoadBalancer')).toHaveCount(3)
    await expect(cloud.nodesOf('vCluster')).toHaveCount(6)

    const chipTotals = new Map<string, number>()
    for (const [type] of KINDS) chipTotals.set(type, (await cloud.chipCounts(type)).total)

    await cloud.views.getByRole('link', { name: 'List' }).click()
    await expect(page).toHaveURL(/view=list/)
    for (const [type, label] of KINDS) {
      expect(await cloud.tabCount(label), `${label} tab`).toBe(chipTotals.get(type))
    }
    for (const [type, label] of KINDS.filter(([t]) =>
      ['LoadBalancer', 'vCluster', 'PVC', 'Region'].includes(t),
    )) {
      await cloud.kindTab(label).click()
      await expect(cloud.table(label)).toBeVisible()
      expect(await cloud.rowCount(label), `${label} rows`).toBe(chipTotals.get(type))
    }
    // Load balancers carry their target health.
    await cloud.kindTab('Load balancers').click()
    await expect(
      cloud.table('Load balancers').getByRole('columnheader', { name: /Target health/ }),
    ).toBeVisible()
    await expect(cloud.table('Load balancers').getByRole('cell', { name: /^\d+\/\d+ healthy$/ })).toHaveCount(
      3,
    )
  })
}

test('list tables sort by any column, in the URL', async ({ page, signIn }) => {
  await signIn()
  const cloud = new CloudPage(page)
  await page.goto(`/provision/${t126.id}/cloud?view=list&kind=nodes`)
  const table = cloud.table('Nodes')
  await expect(table).toBeVisible()
  await table.getByRole('button', { name: /^IP/ }).click()
  await expect(page).toHaveURL(/sort=ip&dir=asc/)
  await expect(table.getByRole('columnheader', { name: /^IP/ })).toHaveAttribute('aria-sort', 'ascending')
  await table.getByRole('button', { name: /^IP/ }).click()
  await expect(page).toHaveURL(/sort=ip&dir=desc/)
  await expect(table.getByRole('columnheader', { name: /^IP/ })).toHaveAttribute('aria-sort', 'descending')
  const ips = await table
    .getByRole('row')
    .evaluateAll((rows) => rows.slice(1).map((r) => (r as HTMLTableRowElement).cells[3]?.textContent ?? ''))
  const sorted = [...ips].sort((a, b) => b.localeCompare(a, undefined, { numeric: true }))
  expect(ips).toEqual(sorted)
})

test('kind aliases land on the canonical kind in one step; unknown kinds fall back', async ({
  page,
  signIn,
  baseURL,
}) => {
  test.slow() // 16 aliases, each loaded and settled
  const origin = sovereignOrigin(baseURL!, t126.fqdn)
  await signIn({ origin })
  const cloud = new CloudPage(page)
  const navigations: string[] = []
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) navigations.push(f.url())
  })
  const cases: [string, string, string][] = [
    ['loadbalancers', 'load-balancers', 'Load balancers'],
    ['lb', 'load-balancers', 'Load balancers'],
    ['pvc', 'pvcs', 'PVCs'],
    ['volumes', 'volumes', 'Volumes'],
    ['nodepools', 'node-pools', 'Node pools'],
    ['pools', 'node-pools', 'Node pools'],
    ['workers', 'nodes', 'Nodes'],
    ['vcluster', 'vclusters', 'vClusters'],
    ['dnszones', 'dns-zones', 'DNS zones'],
    ['dns', 'dns-zones', 'DNS zones'],
    ['httproutes', 'ingresses', 'Ingresses'],
    ['ingress', 'ingresses', 'Ingresses'],
    ['svc', 'services', 'Services'],
    ['storageclasses', 'storage-classes', 'Storage classes'],
    ['sc', 'storage-classes', 'Storage classes'],
    ['services', 'services', 'Services'],
  ]
  for (const [alias, canonical, label] of cases) {
    navigations.length = 0
    await page.goto(`${origin}/cloud?view=list&kind=${alias}`)
    await expect(page).toHaveURL(`${origin}/cloud?view=list&kind=${canonical}`)
    await expect(cloud.table(label)).toBeVisible()
    await expect(cloud.kindTab(label)).toHaveAttribute('aria-current', 'page')
    // Settled: the URL changed once, alias → canonical (no replace loop, no drift to /dashboard). A loop
    // would go on navigating in the frames after the table appeared: give it two.
    await afterTwoFrames(page)
    const distinct = navigations.filter((u, i) => u !== navigations[i - 1])
    expect(distinct, `${alias}: ${navigations.join(' → ')}`).toEqual(
      alias === canonical
        ? [`${origin}/cloud?view=list&kind=${canonical}`]
        : [`${origin}/cloud?view=list&kind=${alias}`, `${origin}/cloud?view=list&kind=${canonical}`],
    )
  }

  for (const unknown of ['pods', 'certificates']) {
    await page.goto(`${origin}/cloud?view=list&kind=${unknown}`)
    await expect(page.getByRole('status').filter({ hasText: `no “${unknown}” list` })).toBeVisible()
    await expect(cloud.table('Clusters')).toBeVisible()
    expect(new URL(page.url()).pathname).toBe('/cloud')
  }
})

for (const mode of ['sovereign', 'mothership'] as const) {
  test(`DNS zones, Services, Ingresses and StorageClasses lists from the clusters (${mode})`, async ({
    page,
    signIn,
    baseURL,
  }) => {
    const dep = mode === 'sovereign' ? t126 : acme
    const origin = mode === 'sovereign' ? sovereignOrigin(baseURL!, dep.fqdn) : baseURL!
    const base = mode === 'sovereign' ? `${origin}/cloud` : `${origin}/provision/${dep.id}/cloud`
    await signIn({ origin })
    const cloud = new CloudPage(page)

    // A DNS zone per region: the apex for the primary, `<region>.<fqdn>` for the others.
    await page.goto(`${base}?view=list&kind=dns-zones`)
    const zones = cloud.table('DNS zones')
    await expect(zones).toBeVisible()
    await expect(cloud.kindTab('DNS zones')).toHaveAttribute('aria-current', 'page')
    await expect(zones.getByRole('cell', { name: dep.fqdn, exact: true })).toBeVisible()
    await expect(
      zones.getByRole('cell', { name: new RegExp(`^[a-z0-9-]+\\.${dep.fqdn.replace(/\./g, '\\.')}$`) }),
    ).toHaveCount(2)
    expect(await cloud.rowCount('DNS zones')).toBe(await cloud.tabCount('DNS zones'))
    await expectNoSeriousA11yViolations(page, `DNS zones list (${mode})`)

    // Ingresses list both Ingress and HTTPRoute objects.
    await cloud.kindTab('Ingresses').click()
    const routes = cloud.table('Ingresses')
    await expect(routes.getByRole('cell', { name: 'HTTPRoute', exact: true }).first()).toBeVisible()
    await expect(routes.getByRole('cell', { name: 'Ingress', exact: true }).first()).toBeVisible()
    await expect(routes.getByRole('cell', { name: `console.${dep.fqdn}`, exact: true })).toBeVisible()

    // StorageClasses: one default class per cluster.
    await cloud.kindTab('Storage classes').click()
    const classes = cloud.table('Storage classes')
    await expect(classes.getByRole('cell', { name: 'hcloud-volumes', exact: true })).toHaveCount(3)

    // Services: region filter and sort in the URL, kept on reload.
    await cloud.kindTab('Services').click()
    const services = cloud.table('Services')
    // The table is virtual: sort the LoadBalancer Services (one gateway per region) to the top.
    await services.getByRole('button', { name: /^Type/ }).click()
    await services.getByRole('button', { name: /^Type/ }).click()
    await expect(page).toHaveURL(/sort=type&dir=desc/)
    await expect(services.getByRole('cell', { name: 'cilium-gateway', exact: true })).toHaveCount(3)
    const all = await cloud.rowCount('Services')
    const regionSelect = page.getByRole('combobox', { name: 'Region' })
    const firstRegion = (await regionSelect.getByRole('option').nth(1).textContent())!.trim()
    await regionSelect.selectOption(firstRegion)
    await expect(page).toHaveURL(new RegExp(`region=${firstRegion}`))
    await expect(services.getByRole('cell', { name: 'cilium-gateway', exact: true })).toHaveCount(1)
    await expect.poll(() => cloud.rowCount('Services')).toBeLessThan(all)
    await services.getByRole('button', { name: /^Name(?!space)/ }).click()
    await expect(page).toHaveURL(/sort=name&dir=asc/)
    await page.reload()
    await expect(regionSelect).toHaveValue(firstRegion)
    await expectNoSeriousA11yViolations(page, `Services list, region filter (${mode})`)
    await expect(services.getByRole('columnheader', { name: /^Name(?!space)/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    )
    const names = await services
      .getByRole('row')
      .evaluateAll((rows) => rows.slice(1).map((r) => (r as HTMLTableRowElement).cells[0]?.textContent ?? ''))
    expect(names.filter(Boolean)).toEqual(
      [...names.filter(Boolean)].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })),
    )
    const regionCells = await services
      .getByRole('row')
      .evaluateAll((rows) => rows.slice(1).map((r) => (r as HTMLTableRowElement).cells[6]?.textContent ?? ''))
    expect(new Set(regionCells.filter(Boolean))).toEqual(new Set([firstRegion]))
  })
}

test('a k8s list that fails to load says so, with Retry', async ({ page, signIn, allowConsoleErrors }) => {
  allowConsoleErrors([/status of 503/])
  await signIn()
  const cloud = new CloudPage(page)
  let fail = true
  await page.route('**/k8s/list?kind=storageclasses', (route) =>
    fail
      ? route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: '{"error":"unavailable","detail":"the cluster API is unreachable"}',
        })
      : route.fallback(),
  )
  await page.goto(`/provision/${acme.id}/cloud?view=list&kind=storage-classes`)
  const alert = page.getByRole('alert').filter({ hasText: 'The storage classes could not be loaded' })
  await expect(alert).toContainText('the cluster API is unreachable', { timeout: 20_000 })
  fail = false
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(
    cloud.table('Storage classes').getByRole('cell', { name: 'local-path', exact: true }),
  ).toHaveCount(3)
})

test('legacy /infrastructure and /cloud sub-paths redirect into /cloud', async ({
  page,
  signIn,
  baseURL,
}) => {
  await signIn()
  const cloud = new CloudPage(page)
  await page.goto(`/provision/${acme.id}/infrastructure/network/load-balancers`)
  await expect(page).toHaveURL(`/provision/${acme.id}/cloud?view=list&kind=load-balancers`)
  await expect(cloud.table('Load balancers')).toBeVisible()
  await page.goto(`/provision/${acme.id}/infrastructure`)
  await expect(page).toHaveURL(`/provision/${acme.id}/cloud?view=graph`)
  await expect(cloud.graph).toBeVisible()
  await page.goto(`/provision/${acme.id}/cloud/compute/nodes`)
  await expect(page).toHaveURL(`/provision/${acme.id}/cloud?view=list&kind=nodes`)
  await expect(cloud.table('Nodes')).toBeVisible()

  const origin = sovereignOrigin(baseURL!, t126.fqdn)
  await signIn({ origin })
  await page.goto(`${origin}/infrastructure/storage/pvcs`)
  await expect(page).toHaveURL(`${origin}/cloud?view=list&kind=pvcs`)
  await expect(cloud.table('PVCs')).toBeVisible()
})

test('search isolates matches and their direct neighbours', async ({ page, signIn }) => {
  await signIn()
  const cloud = new CloudPage(page)
  await page.goto(`/provision/${t126.id}/cloud`)
  await expect(cloud.chip('Node')).toHaveText(/Node 10\/10$/)
  await cloud.search.fill('ingress-fsn1')
  // The LB, its cluster, its 3 target workers.
  await expect(cloud.matchStatus).toHaveText('1 match + 4 neighbours')
  await expect(page).toHaveURL(/q=ingress-fsn1/)
  await expect(cloud.node('LoadBalancer', 'ingress-fsn1')).toBeVisible()
  await expect(cloud.nodesOf('LoadBalancer')).toHaveCount(1)
  await expect(cloud.chip('LoadBalancer')).toHaveText(/LoadBalancer 1\/3$/)
  await expect(cloud.nodesOf('Node')).toHaveCount(3)
  for (const w of ['worker-1-fsn1', 'worker-2-fsn1', 'worker-3-fsn1'])
    await expect(cloud.node('Node', w)).toBeVisible()
  await expect(cloud.nodesOf('Cluster')).toHaveCount(1)
  await expect(cloud.node('Region', 'hel1-2')).toHaveCount(0)

  await page.reload()
  await expect(cloud.search).toHaveValue('ingress-fsn1')
  await expect(cloud.matchStatus).toHaveText('1 match + 4 neighbours')

  await cloud.search.fill('')
  await expect(page).not.toHaveURL(/q=/)
  await expect(cloud.nodesOf('LoadBalancer')).toHaveCount(3)
  await cloud.search.fill('no-such-thing')
  await expect(page.getByRole('status').filter({ hasText: 'Nothing matches' })).toBeVisible()
})

test('chips hide and show a kind (in the URL); a click or Enter opens the details panel', async ({
  page,
  signIn,
}) => {
  await signIn()
  const cloud = new CloudPage(page)
  await page.goto(`/provision/${t126.id}/cloud`)
  await cloud.chip('PVC').click()
  await expect(cloud.chip('PVC')).toHaveText(/PVC 0\/36$/)
  await expect(cloud.chip('PVC')).toHaveAttribute('aria-pressed', 'false')
  await expect(page).toHaveURL(/hide=PVC/)
  await expect(cloud.nodesOf('PVC')).toHaveCount(0)
  await page.reload()
  await expect(cloud.chip('PVC')).toHaveText(/PVC 0\/36$/)
  await cloud.chip('PVC').click()
  await expect(cloud.nodesOf('PVC')).toHaveCount(36)

  await cloud.node('LoadBalancer', 'ingress-fsn1').click()
  const panel = page.getByRole('complementary', { name: 'ingress-fsn1' })
  await expect(panel).toBeVisible()
  await expect(page).toHaveURL(/selected=LoadBalancer/)
  await expect(panel).toContainText('Public IP')
  await expect(panel).toContainText('3/3 healthy')
  await panel.getByRole('button', { name: 'worker-2-fsn1' }).click()
  await expect(page.getByRole('complementary', { name: 'worker-2-fsn1' })).toContainText('10.0.0.11')
  await cloud.closeDetails.click()
  await expect(page.getByRole('complementary')).toHaveCount(0)
  await expect(page).not.toHaveURL(/selected=/)

  // Keyboard: focus a node, arrow to the next, Enter opens its details, Escape closes them.
  await cloud.node('Region', 'fsn1').focus()
  await page.keyboard.press('ArrowRight')
  await expect(cloud.node('Cluster', 't126-mesh')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('complementary', { name: 't126-mesh' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('complementary')).toHaveCount(0)
})

test('pan and zoom keep working and Fit brings everything back', async ({ page, signIn }) => {
  await signIn()
  const cloud = new CloudPage(page)
  await page.goto(`/provision/${t126.id}/cloud`)
  const lb = cloud.node('LoadBalancer', 'ingress-fsn1')
  await expect(lb).toBeVisible()
  const before = (await lb.boundingBox())!
  await page.getByRole('button', { name: 'Zoom in' }).click()
  await expect.poll(async () => (await lb.boundingBox())!.width).toBeGreaterThan(before.width * 1.1)
  const box = (await cloud.graph.boundingBox())!
  await page.mouse.move(box.x + 20, box.y + box.height - 20)
  await page.mouse.down()
  await page.mouse.move(box.x + 220, box.y + box.height - 60, { steps: 5 })
  await page.mouse.up()
  await page.getByRole('button', { name: 'Fit' }).click()
  await expect.poll(async () => Math.round((await lb.boundingBox())!.width)).toBe(Math.round(before.width))
})

test('loading never falls back to a fixture: error with Retry, then Provisioning… before tofu', async ({
  page,
  signIn,
  allowConsoleErrors,
}) => {
  allowConsoleErrors([/status of 503/])
  await signIn()
  const cloud = new CloudPage(page)
  let fail = true
  await page.route('**/api/v1/deployments/*/infrastructure/topology', (route) =>
    fail
      ? route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: '{"error":"unavailable","detail":"catalyst-api is restarting"}',
        })
      : route.fallback(),
  )
  await page.goto(`/provision/${acme.id}/cloud`)
  const alert = page.getByRole('alert').filter({ hasText: 'The infrastructure could not be loaded' })
  await expect(alert).toContainText('catalyst-api is restarting', { timeout: 20_000 })
  await expect(cloud.graph).toHaveCount(0)
  fail = false
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(cloud.chip('Region')).toHaveText(/Region 3\/3$/)

  await page.goto(`/provision/${ESTATE.provisioning.id}/cloud`)
  await expect(page.getByRole('heading', { name: 'Provisioning…' })).toBeVisible()
  await expect(page.getByText(/Declared regions: hel1, fsn1-1/)).toBeVisible()
  await expect(cloud.graph).toHaveCount(0)
})
