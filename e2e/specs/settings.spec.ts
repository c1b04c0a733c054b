import { readFile } from 'node:fs/promises'
import { expectNoSeriousA11yViolations } from '../axe.ts'
import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'
import { SettingsPage } from '../pages/SettingsPage.ts'
import { ShellPage } from '../pages/ShellPage.ts'

/** Issue 16 item 2 (regression 13): Settings in both consoles. */

const { id: READY, fqdn: READY_FQDN } = ESTATE.ready

test.describe('Settings on the mothership', () => {
  test.beforeEach(async ({ signIn }) => {
    await signIn()
  })

  test('the sidebar opens the deployment settings with its real values per region (regression 13)', async ({
    page,
  }) => {
    const shell = new ShellPage(page)
    const settings = new SettingsPage(page)
    await page.goto(`/provision/${READY}`)
    // Keyboard path: focus the sidebar entry and press Enter.
    await shell.navLink('Settings').focus()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(`/provision/${READY}/settings`)
    await expect(settings.heading).toBeVisible()
    await expect(shell.navLink('Settings')).toHaveAttribute('aria-current', 'page')

    await expect(settings.values.getByRole('link', { name: `https://console.${READY_FQDN}` })).toBeVisible()
    await expect(
      settings.values.getByRole('link', { name: `https://gitea.${READY_FQDN}/catalyst/sovereign.git` }),
    ).toBeVisible()
    await expect(settings.values).toContainText('Pool subdomain (acme of omani.works)')
    await expect(settings.values).toContainText('alice@acme.io')
    await expect(settings.values).toContainText('Acme Logistics')
    await expect(settings.values).not.toContainText('—')

    await expect(settings.regions.getByRole('row')).toHaveCount(4)
    await expect(settings.region('fsn1')).toContainText('(primary)')
    await expect(settings.region('fsn1')).toContainText('cpx42')
    await expect(settings.region('fsn1')).toContainText('3 × cpx32')
    await expect(settings.region('fsn1')).toContainText('49.12.86.96')
    await expect(settings.region('nbg1-1')).toContainText('2 × cpx32')
    await expect(settings.region('nbg1-1')).toContainText('49.12.171.4')
    await expect(settings.region('hel1-2')).toContainText('(secondary)')
    await expect(settings.regions).not.toContainText(/Loading|Not created yet|—/)
  })

  test('downloads each region’s kubeconfig from its own endpoint, and explains "not yet"', async ({
    page,
  }) => {
    const settings = new SettingsPage(page)
    const asked: string[] = []
    page.on('request', (r) => {
      if (r.url().includes('/kubeconfig')) asked.push(new URL(r.url()).search)
    })
    await page.goto(`/provision/${READY}/settings`)
    for (const [key, file, query] of [
      ['fsn1', 'acme.yaml', ''],
      ['hel1-2', 'acme-hel1-2.yaml', '?region=hel1-2'],
    ] as const) {
      const download = page.waitForEvent('download')
      await settings.download(key).click()
      const d = await download
      expect(d.suggestedFilename()).toBe(file)
      const yaml = await readFile((await d.path())!, 'utf8')
      expect(yaml).toContain('kind: Config')
      expect(asked.at(-1)).toBe(query)
    }

    // A deployment whose control plane never posted its kubeconfig back: 409 "not-implemented" in words.
    await page.goto(`/provision/${ESTATE.noKubeconfig.id}/settings`)
    await settings.download('hel1').click()
    const alert = settings.regions.getByRole('alert', { name: 'Kubeconfig of hel1' })
    await expect(alert).toContainText("Not yet: hel1's control plane has not sent its kubeconfig back")
    await expect(alert).not.toContainText('not-implemented')
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible()
  })

  test('refresh watch re-attaches the install watch, then says one is attached; refusals in words', async ({
    page,
  }) => {
    const settings = new SettingsPage(page)
    await page.goto(`/provision/${READY}/settings`)
    await settings.refreshWatch.click()
    await expect(settings.actions.getByRole('status')).toContainText(
      /^Watch re-attached: \d+ components listed/,
    )
    await settings.refreshWatch.click()
    await expect(settings.actions.getByRole('status')).toContainText(
      /^A watcher is already attached: \d+ components are being watched/,
    )

    await page.goto(`/provision/${ESTATE.noKubeconfig.id}/settings`)
    await settings.refreshWatch.click()
    const alert = settings.actions.getByRole('alert')
    await expect(alert).toContainText('The watch cannot be re-attached: catalyst-api has no kubeconfig')
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible()
  })

  test('re-mints a handover link while not adopted, shown once; adopted ones offer none', async ({
    page,
    baseURL,
  }) => {
    const settings = new SettingsPage(page)
    const minted: number[] = []
    page.on('response', (r) => {
      if (r.url().endsWith('/mint-handover-token')) minted.push(r.status())
    })
    await page.goto(`/provision/${READY}/settings`)
    await expect(settings.handoverLink).toHaveCount(0)
    expect(minted).toEqual([])
    await settings.mintHandover.click()
    await expect(settings.handoverLink).toHaveAttribute(
      'href',
      new RegExp(`^${sovereignOrigin(baseURL!, READY_FQDN)}/auth/handover\\?token=.+`),
    )
    expect(minted).toEqual([200])
    await settings.actions.getByRole('button', { name: 'Hide the link' }).click()
    await expect(settings.handoverLink).toHaveCount(0)
    // Leaving and coming back shows nothing minted: the link was never cached.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    await expect(settings.heading).toBeVisible()
    await expect(settings.handoverLink).toHaveCount(0)
    expect(minted).toEqual([200])

    await page.goto(`/provision/${ESTATE.live.id}/settings`)
    await expect(settings.actions).toContainText(
      'A handover link can be minted once the deployment is ready.',
    )
    await expect(settings.mintHandover).toHaveCount(0)
  })

  test('a failing infrastructure read is an error with Retry; the record’s values stay', async ({
    page,
    allowConsoleErrors,
  }) => {
    allowConsoleErrors([/status of 503/])
    const settings = new SettingsPage(page)
    let fail = true
    await page.route(`**/api/v1/deployments/${READY}/infrastructure/topology`, (route) =>
      fail ? route.fulfill({ status: 503, body: 'upstream unavailable' }) : route.fallback(),
    )
    await page.goto(`/provision/${READY}/settings`)
    const alert = page.getByRole('region', { name: 'Regions' }).getByRole('alert')
    await expect(alert).toContainText('The infrastructure could not be loaded', { timeout: 20_000 })
    await expect(settings.values.getByRole('link', { name: `https://console.${READY_FQDN}` })).toBeVisible()
    fail = false
    await alert.getByRole('button', { name: 'Retry' }).click()
    await expect(alert).toHaveCount(0)
    await expect(settings.region('nbg1-1')).toContainText('2 × cpx32')
  })
})

test.describe('Settings on a Sovereign', () => {
  test('its own values, kubeconfigs and marketplace publish toggle; no handover', async ({
    page,
    signIn,
    baseURL,
  }) => {
    const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    await signIn({ origin })
    const shell = new ShellPage(page)
    const settings = new SettingsPage(page)
    await page.goto(`${origin}/dashboard`)
    await shell.navLink('Settings').click()
    await expect(page).toHaveURL(`${origin}/settings`)
    await expect(settings.heading).toBeVisible()
    await expect(
      settings.values.getByRole('link', { name: `https://console.${ESTATE.adopted.fqdn}` }),
    ).toBeVisible()
    await expect(settings.region('fsn1')).toContainText('(primary)')
    await expect(settings.mintHandover).toHaveCount(0)
    await expect(settings.actions).not.toContainText(/handover/i)

    const download = page.waitForEvent('download')
    await settings.download('nbg1-1').click()
    expect((await download).suggestedFilename()).toBe('t126-nbg1-1.yaml')

    // Publish cilium in the marketplace; the Sovereign's API keeps it.
    const cilium = settings.publish('cilium')
    await expect(cilium).not.toBeChecked()
    await cilium.check()
    await expect(cilium).toBeChecked()
    await page.reload()
    await expect(settings.publish('cilium')).toBeChecked()
    await settings.publish('cilium').focus()
    await page.keyboard.press('Space')
    await expect(settings.publish('cilium')).not.toBeChecked()
    await page.reload()
    await expect(settings.publish('cilium')).not.toBeChecked()
  })
})

test('axe: Settings in both consoles and both themes', async ({ page, signIn, baseURL }) => {
  const origin = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
  await signIn()
  await signIn({ origin })
  const settings = new SettingsPage(page)
  for (const scheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const url of [`/provision/${READY}/settings`, `${origin}/settings`]) {
      await page.goto(url)
      await expect(settings.heading).toBeVisible()
      await expect(settings.region('fsn1')).toContainText('cpx42')
      await expectNoSeriousA11yViolations(page, `settings ${url} (${scheme})`)
    }
  }
})
