import type { Page } from '@playwright/test'
import { record } from '../record.ts'
import { summarise } from '../stats.ts'
import { expect, flowReady, test } from '../support/benchTest.ts'
import { installVitals } from '../support/vitals.ts'
import { MockApi } from '../../e2e/mockApi.ts'

/**
 * Cold start and interaction latency with the CPU slowed 4× (CDP `Emulation.setCPUThrottlingRate`, the
 * DevTools "4× slowdown"), the HTTP cache disabled (every load fetches and compiles all its JS), against the
 * bench's production build (`--mode e2e`: production plus the read-only test probes).
 *
 *   /deployments LCP        `largest-contentful-paint` (ms from navigation start), the mock's default list
 *   flow first scene        /provision/<id>/jobs?view=graph, 10 regions: navigation start → the first canvas
 *                           frame with settled nodes (the flow probe's firstPaintAt; canvas draws are not
 *                           LCP candidates, so the page's own LCP is noted beside it)
 *   INP                     `event` timing entries (durationThreshold 16): per interaction the longest entry
 *                           with its interactionId — sort (FQDN header click), filter keystroke, open the
 *                           delete dialog (10,000-row list), fold/unfold a group (flow outline ← / →, 10
 *                           regions), switch the treemap's Layer 1 (↓ on the focused select, 10,000 pods).
 *                           An interaction under 16 ms is never reported: it counts as 16 ms (an upper bound).
 */

const RATE = 4
const LOADS = Number(process.env.BENCH_COLD_LOADS ?? 5)
const TEN = ['fsn1', 'nbg1', 'hel1', 'sin', 'ash', 'hil', 'fsn1', 'nbg1', 'hel1', 'sin']
const ROW = 'table[aria-label="Deployments"] tbody tr[data-status]'
/** Event entries are reported after the paint that followed the input; a bound for one that never comes. */
const REPORT_WAIT_MS = 2_000

/** Slows this page's CPU and disables its HTTP cache (kept across navigations of the same target). */
async function coldAndSlow(page: Page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE })
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)] ?? NaN

interface Sample {
  ms: number
  /** false: no entry at or above the 16 ms threshold (the sample is the threshold). */
  reported: boolean
}

/**
 * One interaction: `act` (real input through Playwright), then `effect` (waits for its visible result),
 * then the event entries the browser reported for it.
 */
async function interaction(
  page: Page,
  act: () => Promise<void>,
  effect: () => Promise<void>,
): Promise<Sample> {
  const cursor = await page.evaluate(() => window.__vitals!.cursor())
  await act()
  await effect()
  const found = await page.evaluate(
    ({ cursor, wait }) =>
      new Promise<{ ms: number }[]>((resolve) => {
        const t0 = performance.now()
        const poll = () => {
          const xs = window.__vitals!.interactionsSince(cursor)
          if (xs.length || performance.now() - t0 > wait) resolve(xs)
          else requestAnimationFrame(poll)
        }
        requestAnimationFrame(poll)
      }),
    { cursor, wait: REPORT_WAIT_MS },
  )
  return found.length
    ? { ms: Math.max(...found.map((f) => f.ms)), reported: true }
    : { ms: 16, reported: false }
}

const inpMetric = (name: string, samples: Sample[], note: string) =>
  summarise(
    `INP at ${RATE}× CPU slowdown`,
    name,
    'ms',
    samples.map((s) => s.ms),
    {
      target: 'p95 ≤ 200 ms',
      met:
        summarise(
          '',
          '',
          'ms',
          samples.map((s) => s.ms),
        ).p95 <= 200,
      note: `${note}; ${samples.filter((s) => !s.reported).length} of ${samples.length} under 16 ms (not reported, counted as 16)`,
    },
  )

test.beforeEach(async ({ page }) => {
  await page.addInitScript(installVitals)
})

test(`cold start at ${RATE}× CPU slowdown: /deployments LCP, flow first scene (10 regions)`, async ({
  page,
  mockApi,
  signIn,
}, testInfo) => {
  test.setTimeout(15 * 60_000)
  const dep = await mockApi.createDeployment({ scenario: 'healthy', regions: TEN, ageMs: 4 * 3600_000 })
  await signIn()
  await coldAndSlow(page)

  const lcp: number[] = []
  const lcpElements = new Set<string>()
  for (let i = 0; i < LOADS; i++) {
    await page.goto('about:blank')
    await page.goto('/deployments')
    await expect(page.locator(ROW).first()).toBeVisible({ timeout: 60_000 })
    await page.evaluate(() => window.__bench!.afterPaint())
    const e = await page.evaluate(() => window.__vitals!.lcp())
    expect(e, 'an LCP entry').toBeTruthy()
    lcp.push(e!.at)
    lcpElements.add(e!.element)
  }

  const scene: number[] = []
  const sceneLcp: number[] = []
  let nodes = 0
  for (let i = 0; i < LOADS; i++) {
    await page.goto('about:blank')
    await page.goto(`/provision/${dep.id}/jobs?view=graph`)
    await flowReady(page)
    await page.evaluate(() => window.__bench!.afterPaint())
    const r = await page.evaluate(() => ({
      at: window.__catalystFlow!.perf()!.firstPaintAt!,
      lcp: window.__vitals!.lcp()?.at,
      nodes: window.__catalystFlow!.scene().nodes.length,
    }))
    scene.push(r.at)
    if (r.lcp !== undefined) sceneLcp.push(r.lcp)
    nodes = r.nodes
  }
  await page.goto('about:blank')

  await record(
    testInfo,
    summarise(`Cold start at ${RATE}× CPU slowdown`, 'LCP of /deployments', 'ms', lcp, {
      target: '≤ 1,500 ms',
      met: summarise('', '', 'ms', lcp).p95 <= 1500,
      note: `${LOADS} loads, HTTP cache off; LCP element ${[...lcpElements].join(', ')}; the mock's default list`,
    }),
    summarise(`Cold start at ${RATE}× CPU slowdown`, 'flow graph first scene, 10 regions', 'ms', scene, {
      target: '≤ 2,500 ms',
      met: summarise('', '', 'ms', scene).p95 <= 2500,
      note: `navigation start → first settled canvas frame; ${nodes} nodes in the scene (default depth); page LCP p50 ${median(sceneLcp).toFixed(0)} ms`,
    }),
  )
})

test(`INP at ${RATE}× CPU slowdown: sort, filter, delete dialog, fold, treemap layer`, async ({
  page,
  mockApi,
  signIn,
  playwright,
  baseURL,
}, testInfo) => {
  test.setTimeout(20 * 60_000)
  // 10,000 rows take the mock a while on a busy machine: this one call gets a longer request timeout.
  const slowApi = await playwright.request.newContext({ timeout: 300_000 })
  await new MockApi(slowApi, baseURL!).createDeployments(10_000, { scenario: 'healthy' })
  await slowApi.dispose()
  const flowDep = await mockApi.createDeployment({ scenario: 'healthy', regions: TEN, ageMs: 4 * 3600_000 })
  const podsDep = await mockApi.createDeployment({
    scenario: 'healthy',
    regions: ['fsn1', 'nbg1', 'hel1'],
    sovereignFQDN: 'inp-pods.bench.example',
    ageMs: 2 * 86_400_000,
    extraPods: 10_000,
  })
  await signIn()
  await coldAndSlow(page)

  // ── The deployments list (10,000 rows) ──────────────────────────────────────────────────────────────
  await page.goto('/deployments')
  await expect(page.locator(ROW).first()).toBeVisible({ timeout: 120_000 })
  const firstCell = () => page.locator(ROW).first().locator('td').first().textContent()

  const sort: Sample[] = []
  const header = page.getByRole('button', { name: 'FQDN', exact: true })
  for (let i = 0; i < 8; i++) {
    const before = await firstCell()
    sort.push(
      await interaction(
        page,
        () => header.click(),
        () => expect.poll(firstCell, { timeout: 60_000 }).not.toBe(before),
      ),
    )
  }

  const filter: Sample[] = []
  const box = page.getByRole('searchbox', { name: 'Filter deployments' })
  await box.focus()
  let typed = ''
  for (const key of ['4', '2', '1', '7', 'Backspace', 'Backspace', 'Backspace', 'Backspace']) {
    typed = key === 'Backspace' ? typed.slice(0, -1) : typed + key
    const want = typed
    filter.push(
      await interaction(
        page,
        () => page.keyboard.press(key),
        () => expect(box).toHaveValue(want, { timeout: 60_000 }),
      ),
    )
  }

  const openDelete: Sample[] = []
  const deleteButton = page.locator(`${ROW} button[aria-label^="Delete "]:not([disabled])`).first()
  for (let i = 0; i < 5; i++) {
    const dialog = page.getByRole('dialog')
    openDelete.push(
      await interaction(
        page,
        () => deleteButton.click(),
        () => expect(dialog).toBeVisible({ timeout: 60_000 }),
      ),
    )
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden({ timeout: 60_000 })
  }

  // ── Fold a group in the flow outline (10 regions) ───────────────────────────────────────────────────
  await page.goto(`/provision/${flowDep.id}/jobs?view=graph&depth=all`)
  await flowReady(page)
  const group = await page.evaluate(() => {
    const job = window.__catalystFlow!.scene().nodes.find((x) => x.kind === 'job' && x.region !== undefined)
    return job ? `${job.region}:bootstrap-kit` : undefined
  })
  expect(group, 'a region bootstrap-kit group').toBeTruthy()
  await page.goto(`/provision/${flowDep.id}/jobs?view=graph&depth=all&folded=${group}&selected=${group}`)
  await flowReady(page)
  const row = page.locator(`[data-row-id="${flowDep.id}:${group}"]`)
  await row.scrollIntoViewIfNeeded()
  await row.focus()
  const fold: Sample[] = []
  const canvasLabel = () => page.locator('canvas[role="application"]').getAttribute('aria-label')
  for (let i = 0; i < 8; i++) {
    const before = await canvasLabel()
    fold.push(
      await interaction(
        page,
        () => page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft'),
        () => expect.poll(canvasLabel, { timeout: 60_000 }).not.toBe(before),
      ),
    )
  }

  // ── Switch the treemap's layer (10,000 pods) ────────────────────────────────────────────────────────
  await page.goto(`/provision/${podsDep.id}/dashboard`)
  const treemap = page.getByRole('group', { name: /^Treemap: / })
  await expect(treemap).toBeVisible({ timeout: 120_000 })
  const layer = page.getByLabel('Layer 1', { exact: true })
  await layer.focus()
  const layerSwitch: Sample[] = []
  for (let i = 0; i < 4; i++) {
    const before = await layer.inputValue()
    layerSwitch.push(
      await interaction(
        page,
        () => page.keyboard.press('ArrowDown'),
        () => expect.poll(() => layer.inputValue(), { timeout: 60_000 }).not.toBe(before),
      ),
    )
  }
  await page.goto('about:blank')

  await record(
    testInfo,
    inpMetric('sort (FQDN header click)', sort, '10,000 rows, asc ⇄ desc'),
    inpMetric('filter keystroke', filter, '10,000 rows, "4217" typed and deleted'),
    inpMetric('open the delete dialog', openDelete, 'first open loads the dialog chunk (cache off)'),
    inpMetric('fold / unfold a group (outline ← / →)', fold, `${group}, 10 regions`),
    inpMetric(
      'switch treemap Layer 1 (↓ on the select)',
      layerSwitch,
      '10,000 pods; the new pivot is fetched after the paint',
    ),
  )
})
