import { ESTATE, expect, sovereignOrigin, test } from '../fixtures.ts'

/**
 * Cross-site request forgery from a sibling tenant (contract §1.5). Every Sovereign shares the pool domain,
 * so a page on `console.<other>.omani.works` is "same site": the session cookie rides along with its
 * requests, and only the API's origin and media-type checks stand in the way.
 */
test.describe('cross-site request forgery', () => {
  test.use({ bypassCSP: true })

  test('a sibling tenant’s form and no-cors fetch cannot grant access on another console', async ({
    page,
    baseURL,
    signIn,
    allowConsoleErrors,
  }) => {
    const target = sovereignOrigin(baseURL!, ESTATE.adopted.fqdn)
    const sibling = sovereignOrigin(baseURL!, ESTATE.ready.fqdn)
    await signIn({ origin: target, email: 'ops@omani.works' })

    const grants = async () =>
      page.evaluate(async () => {
        const r = await fetch('/api/v1/admin/user-access', { credentials: 'same-origin' })
        return `${r.status} ${await r.text()}`
      })
    await page.goto(`${target}/users`)
    const before = await grants()
    expect(before).toMatch(/^200 /)

    // The attacker's page: a no-cors fetch (a "simple" request: text/plain) and a classic form post.
    // (A tenant's own app has no console CSP: bypassCSP plays that page, on the same loopback server.)
    await page.goto(`${sibling}/healthz`)
    // The request is sent either way; the attacker cannot read the answer (CORP), it only wants the effect.
    allowConsoleErrors([/ERR_BLOCKED_BY_RESPONSE/])
    await page.evaluate(async (url) => {
      await fetch(url, {
        method: 'POST',
        mode: 'no-cors',
        credentials: 'include',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify({ email: 'mallory@evil.example', tier: 'admin' }),
      }).catch(() => undefined)
    }, `${target}/api/v1/admin/user-access`)
    await page.evaluate((url) => {
      const form = document.createElement('form')
      form.method = 'POST'
      form.action = url
      form.enctype = 'text/plain'
      const field = document.createElement('input')
      field.name = '{"email":"mallory2@evil.example","tier":"admin","x":"'
      field.value = '"}'
      form.append(field)
      document.body.append(form)
      form.submit()
    }, `${target}/api/v1/admin/user-access`)
    await expect(page).toHaveURL(`${target}/api/v1/admin/user-access`)
    await expect(page.locator('body')).toContainText('cross-origin-request')

    // Back on the target console: nothing was granted.
    await page.goto(`${target}/users`)
    const after = await grants()
    expect(after).toBe(before)
    expect(after).not.toContain('mallory')
  })
})
