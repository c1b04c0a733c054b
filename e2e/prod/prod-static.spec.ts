import { expect, test } from '../fixtures.ts'

/**
 * The production build as nginx serves it (`npm run build` + `npm run serve:prod`, the image's config):
 * cache policy, precompressed assets, real 404s, no source maps, the probe. The nginx config's own
 * behaviour in detail is unit-tested in deploy/nginx/nginx.test.ts; this is the real build through it.
 */

test('index.html is revalidated, the hashed entry is immutable and served precompressed, without a source map', async ({
  request,
}) => {
  const index = await request.get('/')
  expect(index.headers()['cache-control']).toBe('no-cache')
  const html = await index.text()
  const entry = /<script type="module" crossorigin src="(\/assets\/index-[\w-]+\.js)">/.exec(html)?.[1]
  expect(entry, 'the entry chunk named in index.html').toBeTruthy()
  const styles = /<link rel="stylesheet" crossorigin href="(\/assets\/[\w-]+\.css)">/.exec(html)?.[1]
  expect(styles).toBeTruthy()

  for (const [path, type] of [
    [entry!, /^application\/javascript/],
    [styles!, /^text\/css/],
  ] as const) {
    for (const encoding of ['br', 'gzip']) {
      const res = await request.get(path, { headers: { 'accept-encoding': encoding } })
      expect(res.status(), path).toBe(200)
      expect(res.headers()['content-encoding'], `${path} with ${encoding}`).toBe(encoding)
      expect(res.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
      expect(res.headers()['content-type']).toMatch(type)
      expect(res.headers().vary).toBe('Accept-Encoding')
    }
  }
  const js = await (await request.get(entry!)).text()
  expect(js).not.toContain('sourceMappingURL')
  expect((await request.get(`${entry}.map`)).status()).toBe(404)
})

test('a missing asset is a real 404, a client route is the SPA page, /healthz is nginx’s own', async ({
  request,
}) => {
  const missing = await request.get('/assets/index-Missing0.js')
  expect(missing.status()).toBe(404)
  expect(await missing.text()).not.toContain('<div id="app">')
  const route = await request.get('/provision/c1d2e3f4a5b6c7d8/jobs/install-nbg1-1%3Acilium')
  expect(route.status()).toBe(200)
  expect(await route.text()).toContain('<div id="app">')
  const health = await request.get('/healthz')
  expect([health.status(), await health.text()]).toEqual([200, 'ok\n'])
  expect(health.headers()['x-catalyst-mock']).toBeUndefined()
})
