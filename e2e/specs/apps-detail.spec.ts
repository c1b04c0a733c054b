import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { AppDetailPage } from '../pages/AppsPage.ts'

test.describe('app detail on the mothership', () => {
  test.beforeEach(async ({ signIn }) => {
    await signIn()
  })

  test('shows status per region with install jobs that open the right job page', async ({ page }) => {
    const detail = new AppDetailPage(page)
    const dep = ESTATE.degraded.id
    // secondary-degraded: loki failed in the last region only.
    await page.goto(`/provision/${dep}/app/bp-loki`)
    await expect(detail.heading('Loki')).toBeVisible()
    await expect(page.getByRole('main').getByText('Degraded', { exact: true }).first()).toBeVisible()
    await expect(detail.regions.getByRole('row')).toHaveCount(4) // header + 3 regions
    await expect(detail.region('fsn1')).toContainText('Installed')
    await expect(detail.region('fsn1')).toContainText('(primary)')
    await expect(detail.region('nbg1-1')).toContainText('Installed')
    await expect(detail.region('hel1-2')).toContainText('Failed')

    await expect(detail.jobLink('install-loki')).toHaveAttribute(
      'href',
      `/provision/${dep}/jobs/install-loki`,
    )
    await expect(detail.jobLink('install-nbg1-1:loki')).toHaveAttribute(
      'href',
      `/provision/${dep}/jobs/install-nbg1-1%3Aloki`,
    )
    // The log shows the primary install; the failed region's log is one choice away.
    await expect(page.getByRole('log', { name: 'Recent log lines of install-loki' })).toBeVisible()
    await page.getByLabel('Log of').selectOption('install-hel1-2:loki (failed)')
    await expect(page.getByRole('log', { name: 'Recent log lines of install-hel1-2:loki' })).toContainText(
      'Helm install failed for release loki/loki',
    )

    await detail.jobLink('install-hel1-2:loki').click()
    await expect(page).toHaveURL(`/provision/${dep}/jobs/install-hel1-2%3Aloki`)
    await expect(page.getByRole('heading', { level: 1, name: /loki/i })).toBeVisible()
  })

  test('shows endpoints, the recent log lines of the primary install, and dependency links', async ({
    page,
  }) => {
    const detail = new AppDetailPage(page)
    const dep = ESTATE.ready.id
    await page.goto(`/provision/${dep}/app/bp-grafana`)
    await expect(detail.heading('Grafana')).toBeVisible()

    // The mothership has no /sovereign/apps: the known public hostname is offered.
    await expect(
      detail.endpoints.getByRole('link', { name: `grafana.${ESTATE.ready.fqdn}` }),
    ).toHaveAttribute('href', `https://grafana.${ESTATE.ready.fqdn}/`)

    const log = page.getByRole('log', { name: 'Recent log lines of install-grafana' })
    await expect(log).toContainText("Running 'install' action")
    const text = (await log.textContent()) ?? ''
    expect(text).not.toContain('\u001b')
    expect(text.split('\n').filter(Boolean).length).toBeLessThanOrEqual(50)
    await expect(page.getByRole('link', { name: 'Full log of install-grafana →' })).toHaveAttribute(
      'href',
      `/provision/${dep}/jobs/install-grafana`,
    )

    // grafana depends on cnpg, loki, mimir, tempo, keycloak — every link is bp-<slug>.
    await expect(detail.dependsOn.getByRole('link')).toHaveCount(5)
    for (const href of await detail.dependsOn
      .getByRole('link')
      .evaluateAll((els) => els.map((e) => e.getAttribute('href'))))
      expect(href).toMatch(new RegExp(`^/provision/${dep}/app/bp-(?!bp-)[a-z0-9-]+$`))
    await detail.dependsOn.getByRole('link', { name: 'Loki' }).click()
    await expect(page).toHaveURL(`/provision/${dep}/app/bp-loki`)
    await expect(detail.heading('Loki')).toBeVisible()
    await expect(detail.neededBy.getByRole('link', { name: 'Grafana' })).toBeVisible()
  })

  test('an unknown app is a clear not-found page with a way back', async ({ page }) => {
    const detail = new AppDetailPage(page)
    await page.goto(`/provision/${ESTATE.ready.id}/app/bp-does-not-exist`)
    await expect(detail.heading('App not found')).toBeVisible()
    await expect(page.getByRole('heading', { name: 'No application bp-does-not-exist' })).toBeVisible()
    await detail.backToApps.click()
    await expect(page).toHaveURL(`/provision/${ESTATE.ready.id}/apps`)
  })
})

test.describe('app detail on a Sovereign', () => {
  test('/app/bp-alloy renders the AppDetail of bp-alloy (regression 2) without a malformed-id notification (regression 48)', async ({
    page,
    signIn,
    baseURL,
  }) => {
    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await signIn({ origin })
    const detail = new AppDetailPage(page)
    await page.goto(`${origin}/app/bp-alloy`)
    await expect(detail.heading('Alloy')).toBeVisible()
    await expect(page).toHaveURL(`${origin}/app/bp-alloy`)
    await expect(detail.regions.getByRole('row')).toHaveCount(4)
    await expect(detail.jobLink('install-nbg1-1:alloy')).toHaveAttribute(
      'href',
      '/jobs/install-nbg1-1%3Aalloy',
    )
    await expect(page.getByRole('log', { name: 'Recent log lines of install-alloy' })).toBeVisible()
    await expect(page.getByRole('list', { name: 'Applications' })).toHaveCount(0)
    await expect(page.getByText(/malformed/i)).toHaveCount(0)
    expect(await page.evaluate(() => sessionStorage.getItem('cc-notifications') ?? '')).not.toMatch(
      /malformed/i,
    )

    await detail.backToApps.click()
    await expect(page).toHaveURL(`${origin}/apps`)
  })

  test('bare and doubled ids land on the canonical bp-<slug> page', async ({ page, signIn, baseURL }) => {
    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await signIn({ origin })
    const detail = new AppDetailPage(page)
    await page.goto(`${origin}/app/alloy`)
    await expect(page).toHaveURL(`${origin}/app/bp-alloy`)
    await expect(detail.heading('Alloy')).toBeVisible()
    await page.goto(`${origin}/app/bp-bp-harbor`)
    await expect(page).toHaveURL(`${origin}/app/bp-harbor`)
    await expect(detail.heading('Harbor')).toBeVisible()
    await expect(
      detail.endpoints.getByRole('link', { name: `https://harbor.${ESTATE.adopted.fqdn}/` }),
    ).toBeVisible()
  })
})
