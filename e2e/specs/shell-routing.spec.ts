import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { ShellPage } from '../pages/ShellPage.ts'

/**
 * Every redirect of issue 3 in both modes, the not-found pages, canonicalisation (basepath and `%3A`
 * kept) and which API base each console calls.
 */

const READY = ESTATE.ready.id
const ADOPTED = ESTATE.adopted

test.describe('mothership routes', () => {
  for (const base of ['', '/sovereign']) {
    test(`redirects land where operators expect (basepath "${base || '/'}")`, async ({
      page,
      signIn,
      baseURL,
    }) => {
      await signIn()
      const cases: [string, string][] = [
        ['/', '/wizard'],
        ['/app', '/app/dashboard'],
        ['/dashboard', '/app/dashboard'],
        ['/provision', '/deployments'],
        // Reserved words in the deployment id slot (they are never 16-hex ids).
        ['/provision/deployments', '/deployments'],
        ['/provision/deployments/jobs', '/deployments'],
        ['/provision/wizard', '/wizard'],
        ['/provision/new', '/wizard'],
        ['/provision/dashboard', '/app/dashboard'],
        ['/provision/jobs', '/deployments'],
        [`/provision/${READY}/app`, `/provision/${READY}/apps`],
        // Legacy cloud / infrastructure paths → /cloud?view=&kind=.
        [`/provision/${READY}/cloud/architecture`, `/provision/${READY}/cloud?view=graph`],
        [`/provision/${READY}/infrastructure`, `/provision/${READY}/cloud?view=graph`],
        [`/provision/${READY}/infrastructure/topology`, `/provision/${READY}/cloud?view=graph`],
        [`/provision/${READY}/cloud/compute`, `/provision/${READY}/cloud?view=list&kind=clusters`],
        [
          `/provision/${READY}/infrastructure/network`,
          `/provision/${READY}/cloud?view=list&kind=load-balancers`,
        ],
        [`/provision/${READY}/cloud/storage`, `/provision/${READY}/cloud?view=list&kind=pvcs`],
        [`/provision/${READY}/cloud/storage/volumes`, `/provision/${READY}/cloud?view=list&kind=volumes`],
        // Canonicalisation: `//` collapsed, trailing slash dropped, basepath never doubled.
        ['//deployments//', '/deployments'],
        ['/deployments/', '/deployments'],
      ]
      for (const [from, to] of cases) {
        await page.goto(`${baseURL}${base}${from}`)
        await expect(page, `${base}${from}`).toHaveURL(`${baseURL}${base}${to}`)
      }
      if (base) {
        await page.goto(`${baseURL}/sovereign/sovereign/deployments`)
        await expect(page).toHaveURL(`${baseURL}/sovereign/deployments`)
      }
    })

    test(`%3A survives canonicalisation and lands on the job (basepath "${base || '/'}", regression 10)`, async ({
      page,
      signIn,
      baseURL,
    }) => {
      await signIn()
      await page.goto(`${baseURL}${base}//provision/${READY}/jobs/install-nbg1-1%3Acilium/`)
      await expect(page).toHaveURL(`${baseURL}${base}/provision/${READY}/jobs/install-nbg1-1%3Acilium`)
      await expect(page).toHaveTitle('Job · Catalyst')
      await expect(page.getByRole('heading', { level: 1, name: 'install-nbg1-1:cilium' })).toBeVisible()
    })

    test(`signed out, a deep link asks for sign-in and keeps where it was (basepath "${base || '/'}", regression 11)`, async ({
      page,
      baseURL,
    }) => {
      await page.goto(`${baseURL}${base}/deployments`)
      await expect(page).toHaveURL(`${baseURL}${base}/login?next=/deployments`)
      await page.goto(`${baseURL}${base}/provision/${READY}/jobs/install-nbg1-1%3Acilium?depth=3`)
      await expect(page).toHaveURL(
        `${baseURL}${base}/login?next=/provision/${READY}/jobs/install-nbg1-1%253Acilium%3Fdepth%3D3`,
      )
      // `/` itself needs no `next`.
      await page.goto(`${baseURL}${base}/`)
      await expect(page).toHaveURL(`${baseURL}${base}/login`)
    })
  }

  test('the API base follows the basepath', async ({ page, signIn, baseURL }) => {
    await signIn()
    const apiPaths: string[] = []
    page.on('request', (r) => {
      const u = new URL(r.url())
      if (u.pathname.includes('/api/')) apiPaths.push(u.pathname)
    })
    await page.goto(`${baseURL}/sovereign/provision/${READY}/jobs`)
    await expect(page).toHaveTitle('Jobs · Catalyst')
    await expect(page.getByRole('region', { name: 'Deployment status' })).toContainText(ESTATE.ready.fqdn)
    expect(apiPaths.length).toBeGreaterThan(0)
    expect(apiPaths.filter((p) => !p.startsWith('/sovereign/api/v1/'))).toEqual([])

    apiPaths.length = 0
    await page.goto(`${baseURL}/provision/${READY}/jobs`)
    await expect(page.getByRole('region', { name: 'Deployment status' })).toContainText(ESTATE.ready.fqdn)
    expect(apiPaths.length).toBeGreaterThan(0)
    expect(apiPaths.filter((p) => !p.startsWith('/api/v1/'))).toEqual([])
  })

  test('unknown paths: a real not-found page with a way home, inside the shell when signed in', async ({
    page,
    signIn,
  }) => {
    await signIn()
    const shell = new ShellPage(page)
    await page.goto('/no/such/page')
    await shell.expectHeading('Page not found')
    await page.getByRole('link', { name: 'Go to the start page' }).click()
    await expect(page).toHaveURL(/\/wizard$/)

    await page.goto(`/provision/${READY}/no-such-tab`)
    await shell.expectHeading('Page not found')
    await expect(shell.nav).toBeVisible()
    await page.getByRole('link', { name: 'Back to the deployment' }).click()
    await expect(page).toHaveURL(new RegExp(`/provision/${READY}$`))

    await page.goto('/provision/ffffffffffffffff/jobs')
    await shell.expectHeading('Deployment not found')
    await expect(shell.nav).toBeVisible()
    await page.getByRole('link', { name: 'Go to the deployments' }).click()
    await expect(page).toHaveURL(/\/deployments$/)
  })
})

test.describe('Sovereign routes', () => {
  test('redirects land where operators expect (regressions 1–3, 12)', async ({ page, signIn, baseURL }) => {
    const origin = sovereignOrigin(baseURL!, ADOPTED.fqdn)
    await signIn({ origin })
    const cases: [string, string][] = [
      ['/', '/dashboard'],
      ['/app/dashboard', '/dashboard'],
      ['/app/dashboard/treemap', '/dashboard'],
      ['/app/install', '/dashboard'],
      ['/app/install/bp-harbor', '/dashboard'],
      ['/app/sre', '/dashboard'],
      ['/app/sre/compliance', '/dashboard'],
      ['/app/sec', '/dashboard'],
      ['/app/sec/compliance', '/dashboard'],
      ['/app/blueprints', '/dashboard'],
      ['/app/blueprints/publish', '/dashboard'],
      ['/APP/Dashboard', '/dashboard'],
      ['/app', '/apps'],
      ['/app/applications', '/apps'],
      ['/app/users', '/users'],
      ['/app/jobs', '/jobs'],
      // Mothership pages do not exist here.
      ['/deployments', '/dashboard'],
      ['/wizard', '/dashboard'],
      ['/provision', '/dashboard'],
      ['/provision/deployments', '/dashboard'],
      [`/provision/${ADOPTED.id}`, '/dashboard'],
      [`/provision/${ADOPTED.id}/jobs/install-nbg1-1%3Acilium`, '/jobs/install-nbg1-1%3Acilium'],
      [`/provision/${ADOPTED.id}/users`, '/users'],
      // Legacy cloud / infrastructure paths.
      ['/cloud/architecture', '/cloud?view=graph'],
      ['/infrastructure', '/cloud?view=graph'],
      ['/infrastructure/compute', '/cloud?view=list&kind=clusters'],
      ['/cloud/network', '/cloud?view=list&kind=load-balancers'],
      ['/infrastructure/storage', '/cloud?view=list&kind=pvcs'],
      // Canonicalisation.
      ['//jobs//', '/jobs'],
      ['/sovereign/jobs', '/jobs'],
      ['/sovereign', '/dashboard'],
    ]
    for (const [from, to] of cases) {
      await page.goto(`${origin}${from}`)
      await expect(page, from).toHaveURL(`${origin}${to}`)
    }
  })

  test('pages that must not be redirected render themselves', async ({ page, signIn, baseURL }) => {
    const origin = sovereignOrigin(baseURL!, ADOPTED.fqdn)
    await signIn({ origin })
    const site = ADOPTED.fqdn
    const cases: [string, string][] = [
      ['/app/bp-alloy', `Application · ${site}`],
      ['/jobs/timeline', `Jobs timeline · ${site}`],
      ['/jobs/install-nbg1-1%3Acilium', `Job · ${site}`],
      ['/users/new', `New user access · ${site}`],
      ['/apps', `Applications · ${site}`],
    ]
    for (const [path, title] of cases) {
      await page.goto(`${origin}${path}`)
      await expect(page, path).toHaveURL(`${origin}${path}`)
      await expect(page, path).toHaveTitle(title)
    }
    await expect(page.getByRole('heading', { level: 1, name: /Sovereigns?$/ })).toHaveCount(0)
  })

  test('a stale /sovereign/... URL calls /api, never /sovereign/api (regression 9)', async ({
    page,
    signIn,
    baseURL,
  }) => {
    const origin = sovereignOrigin(baseURL!, ADOPTED.fqdn)
    await signIn({ origin })
    const apiPaths: string[] = []
    page.on('request', (r) => {
      const u = new URL(r.url())
      if (u.pathname.includes('/api/')) apiPaths.push(u.pathname)
    })
    await page.goto(`${origin}/sovereign/jobs/timeline`)
    await expect(page).toHaveURL(`${origin}/jobs/timeline`)
    await expect(page.getByRole('region', { name: 'Deployment status' })).toContainText(ADOPTED.fqdn)
    expect(apiPaths).toContain('/api/v1/whoami')
    expect(apiPaths).toContain('/api/v1/sovereign/self')
    expect(apiPaths.filter((p) => p.startsWith('/sovereign/'))).toEqual([])

    // Signed out, the stale sign-in bookmark also works (it was an HTTP 405 upstream).
    await page.context().clearCookies()
    apiPaths.length = 0
    await page.goto(`${origin}/sovereign/login`)
    await expect(page).toHaveURL(`${origin}/login`)
    await expect(page.getByRole('heading', { level: 1, name: `Sign in to ${ADOPTED.fqdn}` })).toBeVisible()
    await expect(page.getByRole('complementary', { name: 'Development sign-in help' })).toBeVisible()
    expect(apiPaths.filter((p) => !p.startsWith('/api/v1/'))).toEqual([])
  })

  test('signed out, a deep link asks for sign-in with next; unknown paths have a way home', async ({
    page,
    baseURL,
    signIn,
  }) => {
    const origin = sovereignOrigin(baseURL!, ADOPTED.fqdn)
    await page.goto(`${origin}/jobs/install-nbg1-1%3Acilium`)
    await expect(page).toHaveURL(`${origin}/login?next=/jobs/install-nbg1-1%253Acilium`)
    await page.goto(`${origin}/login/verify`)
    await expect(page).toHaveURL(`${origin}/login`)

    await signIn({ origin })
    await page.goto(`${origin}/no/such/page`)
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
    await page.getByRole('link', { name: 'Go to the start page' }).click()
    await expect(page).toHaveURL(`${origin}/dashboard`)
  })
})
