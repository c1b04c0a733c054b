import { SECURITY_HEADERS } from '../../deploy/securityHeaders.ts'
import { expect, test } from '../fixtures.ts'

/**
 * Runs against both production servers: `vite preview` (default project) and nginx with the image's
 * config (prod project). Both send the headers of the one source, deploy/securityHeaders.ts.
 */
test('the production server sends a CSP without inline scripts, nosniff and a referrer policy', async ({
  page,
  request,
}) => {
  const res = await request.get('/deployments')
  const csp = res.headers()['content-security-policy'] ?? ''
  expect(csp).toContain("script-src 'self'")
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
  expect(csp).not.toMatch(/script-src[^;]*unsafe-eval/)
  expect(csp).toContain("object-src 'none'")
  expect(csp).toContain("frame-ancestors 'none'")
  expect(res.headers()['x-content-type-options']).toBe('nosniff')
  expect(res.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin')
  expect(res.headers()['strict-transport-security']).toMatch(/^max-age=\d{8,}/)
  expect(res.headers()['cross-origin-opener-policy']).toBe('same-origin')
  expect(res.headers()['permissions-policy']).toContain('camera=()')
  // Every header of the one source, exactly — on the page and on an API answer.
  const api = await request.get('/api/v1/whoami')
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(res.headers()[name.toLowerCase()], name).toBe(value)
    expect(api.headers()[name.toLowerCase()], `${name} on /api`).toBe(value)
  }
  // The HTML has no inline script at all: the theme bootstrap is an external file.
  const html = await res.text()
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
  // And the console runs under that policy without a single CSP violation (the console guard fails on any).
  await page.goto('/login')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toMatch(/^(light|dark)$/)
})
