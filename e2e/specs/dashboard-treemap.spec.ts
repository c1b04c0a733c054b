import { ESTATE, expect, expectHeading, sovereignOrigin, test } from '../fixtures.ts'
import { DashboardPage } from '../pages/DashboardPage.ts'

const t126 = ESTATE.adopted
const acme = ESTATE.ready

test.describe('dashboard treemap', () => {
  test('layer, size and colour controls round-trip through the URL (Sovereign)', async ({
    page,
    signIn,
    baseURL,
  }) => {
    const origin = sovereignOrigin(baseURL!, t126.fqdn)
    await signIn({ origin })
    const dash = new DashboardPage(page)
    await page.goto(`${origin}/dashboard`)
    await expectHeading(page, 'Dashboard')
    await expect(dash.treemap).toBeVisible()

    await dash.selectLayer(1, 'Region')
    await expect(page).toHaveURL(/layers=region,namespace/)
    // A dimension used by one layer is not offered by another.
    await expect(dash.layer(2).getByRole('option', { name: 'Region' })).toHaveCount(0)
    await expect(dash.layer(1).getByRole('option', { name: 'Namespace' })).toHaveCount(0)
    await expect(dash.layer(2).getByRole('option', { name: 'vCluster' })).toHaveCount(1)

    await dash.addLayerButton.click()
    await expect(dash.layer(3)).toBeVisible()
    await dash.selectLayer(3, 'Application')
    await dash.size.selectOption({ label: 'Memory request' })
    await dash.colour.selectOption({ label: 'Health' })
    await expect(page).toHaveURL(/layers=region,namespace,application/)
    await expect(page).toHaveURL(/size=memory_request/)
    await expect(page).toHaveURL(/color=health/)
    await expect(dash.legend).toContainText('Health')
    await expect.poll(() => dash.topLevelNames().then((n) => n.sort())).toEqual(['fsn1', 'hel1-2', 'nbg1-1'])

    await page.reload()
    await expect(dash.layer(1)).toHaveValue('region')
    await expect(dash.layer(2)).toHaveValue('namespace')
    await expect(dash.layer(3)).toHaveValue('application')
    await expect(dash.size).toHaveValue('memory_request')
    await expect(dash.colour).toHaveValue('health')
    await expect(dash.cell('fsn1')).toHaveAccessibleName(
      /^fsn1: \d+ pods, [\d.]+ [GM]iB memory request, health \d+%$/,
    )

    await dash.removeLayerButton.click()
    await expect(page).toHaveURL(/layers=region,namespace(&|$)/)
    await expect(dash.layer(3)).toHaveCount(0)
  })

  test('drill in and out with the breadcrumb, keyboard and back button (mothership)', async ({
    page,
    signIn,
  }) => {
    await signIn()
    const dash = new DashboardPage(page)
    await page.goto(`/provision/${t126.id}/dashboard?layers=cluster,namespace,application`)
    await expect(dash.treemap).toBeVisible()
    await expect(dash.breadcrumb).toHaveCount(0)

    // Hover shows name, count, size and colour.
    await dash.cell('t126-hel (hel1-2)').hover({ position: { x: 12, y: 8 } })
    const card = page.getByText('Click to drill in')
    await expect(card).toBeVisible()
    await expect(page.getByText(/^\d+ pods$/).first()).toBeVisible()
    await expect(page.getByText(/^[\d.]+ cores CPU request$/).first()).toBeVisible()
    await expect(page.getByText(/^utilisation \d+%$/).first()).toBeVisible()

    await dash.drillInto('t126-hel (hel1-2)')
    await expect(page).toHaveURL(/drill=t126-hel(&|$)/)
    await expect(dash.breadcrumb.getByRole('link', { name: 'All' })).toBeVisible()
    await expect(dash.breadcrumb.getByText('t126-hel (hel1-2)')).toHaveAttribute('aria-current', 'page')
    // Now the namespaces of that cluster are the top level.
    await expect
      .poll(async () =>
        (await dash.scene()).filter((c) => c.depth === 1).every((c) => c.path.startsWith('t126-hel/')),
      )
      .toBe(true)
    await expect(dash.cell('kube-system')).toBeVisible()

    await dash.drillInto('kube-system')
    await expect(page).toHaveURL(/drill=t126-hel\/kube-system/)
    await expect(dash.appCell('cilium')).toHaveAttribute('href', `/provision/${t126.id}/app/bp-cilium`)

    // Escape on a cell goes up one level.
    await dash.appCell('cilium').focus()
    await page.keyboard.press('Escape')
    await expect(page).toHaveURL(/drill=t126-hel(&|$)/)

    await dash.breadcrumb.getByRole('link', { name: 'All' }).click()
    await expect(page).not.toHaveURL(/drill=/)
    await expect(dash.breadcrumb).toHaveCount(0)

    // Keyboard only: the treemap is one tab stop; Enter on a parent drills in.
    const first = (await dash.scene()).find((c) => c.depth === 1)!
    await dash.cell(first.name).focus()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(new RegExp(`drill=${first.path}`))
    // Focus stays in the treemap (on the new level's first cell), so arrows keep working.
    await expect.poll(async () => (await dash.scene())[0]?.path.startsWith(`${first.path}/`)).toBe(true)
    const level = await dash.scene()
    await expect(dash.anyCell(level[0]!.name).first()).toBeFocused()
    await page.keyboard.press('ArrowRight')
    await expect(dash.anyCell(level[1]!.name).first()).toBeFocused()
    await page.goBack()
    await expect(page).not.toHaveURL(/drill=/)
  })

  test('an application leaf opens the app, bp- prefixed, also under cluster headers (regression 41)', async ({
    page,
    signIn,
  }) => {
    await signIn()
    const dash = new DashboardPage(page)
    await page.goto(`/provision/${t126.id}/dashboard?layers=cluster,application`)
    // Application tiles sit inside the cluster cells (depth 2): their dimension is drill depth + cell depth.
    await expect
      .poll(async () => (await dash.scene()).filter((c) => c.name === 'harbor').map((c) => c.depth))
      .toEqual([2, 2, 2])
    const harbor = dash.appCell('harbor').first()
    await expect(harbor).toHaveAttribute('href', `/provision/${t126.id}/app/bp-harbor`)
    await harbor.click()
    await expect(page).toHaveURL(`/provision/${t126.id}/app/bp-harbor`)
  })

  test('cluster, region and vCluster layers on a 3-region deployment (regression 40)', async ({
    page,
    signIn,
  }) => {
    await signIn()
    const dash = new DashboardPage(page)
    await page.goto(`/provision/${acme.id}/dashboard?layers=cluster`)
    await expect
      .poll(() => dash.topLevelNames().then((n) => n.sort()))
      .toEqual(['acme-hel (hel1-2)', 'acme-mesh (fsn1)', 'acme-nbg (nbg1-1)'])
    await expect(dash.cell('acme-mesh (fsn1)')).toBeVisible()

    // Layer 2 = namespace nests inside each cluster.
    await dash.addLayerButton.click()
    await dash.selectLayer(2, 'Namespace')
    await expect(page).toHaveURL(/layers=cluster,namespace/)
    await expect
      .poll(async () => {
        const scene = await dash.scene()
        const clusters = scene.filter((c) => c.depth === 1)
        return (
          clusters.length === 3 &&
          clusters.every((c) => scene.some((n) => n.depth === 2 && n.path.startsWith(`${c.path}/`)))
        )
      })
      .toBe(true)

    await dash.selectLayer(1, 'Region')
    await expect.poll(() => dash.topLevelNames().then((n) => n.sort())).toEqual(['fsn1', 'hel1-2', 'nbg1-1'])

    await dash.selectLayer(2, 'vCluster')
    await expect(page).toHaveURL(/layers=region,vcluster/)
    await expect
      .poll(async () =>
        [...new Set((await dash.scene()).filter((c) => c.depth === 2).map((c) => c.name))].sort(),
      )
      .toEqual(['dmz-fsn1', 'dmz-hel1-2', 'dmz-nbg1-1', 'host', 'mgmt', 'rtz-hel1-2', 'rtz-nbg1-1'])
  })

  test('a capacity size metric locks colour to utilisation, with the reason', async ({ page, signIn }) => {
    await signIn()
    const dash = new DashboardPage(page)
    await page.goto(`/provision/${acme.id}/dashboard?color=health`)
    await expect(dash.colour).toHaveValue('health')
    await dash.size.selectOption({ label: 'CPU limit' })
    await expect(dash.colour).toBeDisabled()
    await expect(dash.colour).toHaveValue('utilization')
    await expect(dash.colour).toHaveAccessibleDescription(/locked to utilisation/)
    await expect(page).toHaveURL(/size=cpu_limit/)
    await expect(page).toHaveURL(/color=utilization/)
    await expect(dash.legend).toContainText('Utilisation')
    await page.reload()
    await expect(dash.colour).toBeDisabled()

    await dash.size.selectOption({ label: 'Storage limit' })
    await expect(dash.colour).toBeDisabled()
    await dash.size.selectOption({ label: 'CPU request' })
    await expect(dash.colour).toBeEnabled()
    await dash.colour.selectOption({ label: 'Age' })
    await expect(page).toHaveURL(/color=age/)
  })

  test('an empty inventory explains itself; a rejected query reads well', async ({ page, signIn }) => {
    await signIn()
    const dash = new DashboardPage(page)
    await page.goto(`/provision/${ESTATE.provisioning.id}/dashboard`)
    await expect(page.getByRole('heading', { name: 'No workloads yet' })).toBeVisible()
    await expect(page.getByText(/still being provisioned/)).toBeVisible()
    await expect(page.getByRole('link', { name: 'Watch the install jobs' })).toHaveAttribute(
      'href',
      `/provision/${ESTATE.provisioning.id}/jobs`,
    )
    await expect(dash.treemap).toHaveCount(0)

    // The backend rejects a pivot (400 invalid-group-by): a readable message and a way back, no retry loop.
    await page.route('**/api/v1/dashboard/treemap?*', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({ error: 'invalid-group-by', detail: 'group_by must be distinct dimensions' }),
      }),
    )
    await page.goto(`/provision/${acme.id}/dashboard?layers=family`)
    const alert = page.getByRole('alert')
    await expect(alert).toContainText('The dashboard cannot group pods this way')
    await expect(alert).toContainText('group_by must be distinct dimensions')
    await expect(page.getByRole('link', { name: 'Reset the controls' })).toBeVisible()
  })

  test('10,000 extra pods re-pivot on the client in one layout pass', async ({ page, signIn, mockApi }) => {
    const dep = await mockApi.createDeployment({ extraPods: 10_000 })
    await signIn()
    const dash = new DashboardPage(page)
    await page.goto(`/provision/${dep.id}/dashboard?layers=region,namespace,application`)
    await expect.poll(async () => (await dash.scene()).length).toBeGreaterThan(250)
    await dash.selectLayer(1, 'Family')
    await expect(page).toHaveURL(/layers=family,namespace,application/)
    await expect.poll(() => dash.topLevelNames().then((n) => n.length)).toBeGreaterThan(3)
    const timing = await dash.timing()
    test.info().annotations.push({ type: 'treemap re-pivot', description: JSON.stringify(timing) })
    expect(timing.cells).toBeGreaterThan(0)
    expect(timing.layoutMs).toBeGreaterThan(0)
  })
})

test('the fleet treemap has one cell per Sovereign, each opening its deployment', async ({
  page,
  signIn,
  mockApi,
  baseURL,
}) => {
  await signIn()
  const dash = new DashboardPage(page)
  await page.goto('/app/dashboard')
  await expect(dash.fleetTreemap).toBeVisible()
  const state = await mockApi.state()
  const live = state.deployments.filter((d) => d.status !== 'wiped')
  await expect(dash.fleetTreemap.getByRole('link')).toHaveCount(live.length)
  await expect.poll(async () => (await dash.scene('__catalystFleetTreemap')).length).toBe(live.length)
  const cell = dash.appCell(t126.fqdn, dash.fleetTreemap)
  await expect(cell).toHaveAccessibleName(
    /^t126\.omani\.works: \d+ pods, [\d.]+ cores CPU request, health \d+%$/,
  )
  await expect(cell).toHaveAttribute('href', `/provision/${t126.id}`)
  // A Sovereign still provisioning has no pods but keeps a (grey, no-data) cell.
  await expect(dash.appCell(ESTATE.provisioning.fqdn, dash.fleetTreemap)).toHaveAccessibleName(
    /: 0 pods, 0 cores CPU request, health no data$/,
  )
  // t126 is adopted: its overview hands the operator straight on to the Sovereign's own console.
  await cell.click()
  await expect(page).toHaveURL(new RegExp(`^${sovereignOrigin(baseURL!, t126.fqdn)}/`))
})
