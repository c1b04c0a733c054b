import { ESTATE, expect, test } from '../fixtures.ts'
import { afterTwoFrames } from '../frames.ts'
import { FlowPage } from '../pages/FlowPage.ts'

const dep = ESTATE.ready.id

test('pan by dragging, zoom with the wheel about the pointer, zoom buttons, Fit and zoom to selection', async ({
  page,
  signIn,
}) => {
  await signIn()
  const flow = new FlowPage(page)
  await flow.goto(dep, { depth: 'all' })
  const box = (await flow.canvas.boundingBox())!
  const start = (await flow.state()).camera
  // Drag on empty canvas (top-left corner, above the lanes): the graph follows the pointer.
  const x = box.x + 20
  const y = box.y + 12
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x + 120, y + 60, { steps: 6 })
  await page.mouse.up()
  const panned = (await flow.state()).camera
  expect(panned.x - start.x).toBeCloseTo(120, 0)
  expect(panned.y - start.y).toBeCloseTo(60, 0)
  expect(panned.k).toBe(start.k)

  // Wheel zooms in about the pointer: the world point under it stays put.
  const px = box.x + box.width * 0.6
  const py = box.y + box.height * 0.5
  const worldAt = (c: { x: number; y: number; k: number }) => ({
    x: (px - box.x - c.x) / c.k,
    y: (py - box.y - c.y) / c.k,
  })
  const w0 = worldAt(panned)
  await page.mouse.move(px, py)
  await page.mouse.wheel(0, -400)
  await expect.poll(async () => (await flow.state()).camera.k).toBeGreaterThan(panned.k)
  const zoomed = (await flow.state()).camera
  const w1 = worldAt(zoomed)
  // Within a pixel or two (wheel deltas are applied in steps and rounded).
  expect(Math.abs(w1.x - w0.x)).toBeLessThan(2)
  expect(Math.abs(w1.y - w0.y)).toBeLessThan(2)

  await flow.zoomOut.click()
  await flow.settle()
  expect((await flow.state()).camera.k).toBeLessThan(zoomed.k)
  await flow.zoomIn.click()
  await flow.settle()
  expect((await flow.state()).camera.k).toBeCloseTo(zoomed.k, 5)

  // Fit shows every node.
  await flow.fit.click()
  await flow.settle()
  expect((await flow.scene()).nodes.every((n) => n.onScreen)).toBe(true)

  // Zoom to selection centres the selected job at a readable zoom.
  await expect(flow.zoomToSelection).toBeDisabled()
  await flow.clickNode(`${dep}:install-hel1-2:harbor`)
  await flow.zoomToSelection.click()
  await flow.settle()
  const n = await flow.node(`${dep}:install-hel1-2:harbor`)
  const now = (await flow.canvas.boundingBox())!
  expect(Math.abs(n.x - (now.x + now.width / 2))).toBeLessThan(3)
  expect(Math.abs(n.y - (now.y + now.height / 2))).toBeLessThan(3)
  expect((await flow.state()).camera.k).toBeGreaterThanOrEqual(1)
})

test('the minimap appears when the graph exceeds the viewport and moves the view when clicked', async ({
  page,
  signIn,
}) => {
  await signIn()
  const flow = new FlowPage(page)
  await flow.goto(dep, { depth: 'all' })
  expect((await flow.state()).minimap).toBe(false)
  for (let i = 0; i < 4; i++) await flow.zoomIn.click()
  await flow.settle()
  await expect.poll(async () => (await flow.state()).minimap).toBe(true)
  const before = (await flow.state()).camera
  // The minimap sits in the canvas's bottom-right corner; click its top-left area.
  const box = (await flow.canvas.boundingBox())!
  await page.mouse.click(box.x + box.width - 200, box.y + box.height - 125)
  const after = (await flow.state()).camera
  expect(after.k).toBe(before.k)
  expect(Math.abs(after.x - before.x) + Math.abs(after.y - before.y)).toBeGreaterThan(20)
})

test('colours come from the theme and repaint when the theme changes; idle means no redraw', async ({
  page,
  signIn,
}) => {
  await signIn()
  const flow = new FlowPage(page)
  await flow.goto(dep, { depth: 'all' })
  const n = await flow.onScreen(`${dep}:install-cilium`)
  const at = { x: n.x + n.r * 0.66, y: n.y }
  const first = await flow.tokenRgb('status-succeeded')
  expect(await flow.pixelAt(at.x, at.y)).toEqual(first)

  // Nothing changes → nothing is drawn: the server re-sends an identical snapshot every 3 s; wait until the
  // page has applied one, give it two animation frames to (wrongly) draw, and count.
  const drawn = (await page.evaluate(() => window.__catalystFlow!.perf()))!.framesDrawn
  const applied = await page.evaluate(() => window.__catalystFlow!.state().framesApplied)
  await expect
    .poll(() => page.evaluate(() => window.__catalystFlow!.state().framesApplied), { timeout: 20_000 })
    .toBeGreaterThan(applied)
  await afterTwoFrames(page)
  expect((await page.evaluate(() => window.__catalystFlow!.perf()))!.framesDrawn).toBe(drawn)

  await page.getByRole('button', { name: /^Switch to (dark|light) theme$/ }).click()
  const second = await flow.tokenRgb('status-succeeded')
  expect(second).not.toEqual(first)
  await expect.poll(() => flow.pixelAt(at.x, at.y)).toEqual(second)

  // Selecting a job keeps it and its neighbours in full colour and dims everything else (opaque mix
  // towards the background, the same colour however many edges run underneath).
  await flow.clickNode(`${dep}:install-cert-manager`)
  const bg = await flow.tokenRgb('bg')
  const dim = second.map((c, i) => Math.round(c + (bg[i]! - c) * 0.72))
  const far = await flow.onScreen(`${dep}:install-hel1-2:cilium`)
  const near = await flow.node(`${dep}:install-cilium`)
  const diff = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)))
  await expect
    .poll(async () => diff(await flow.pixelAt(far.x + far.r * 0.66, far.y), dim))
    .toBeLessThanOrEqual(2)
  expect(diff(await flow.pixelAt(near.x + near.r * 0.66, near.y), second)).toBeLessThanOrEqual(2)
})

test('outline and legend can be hidden; the depth select changes level and re-fits', async ({
  page,
  signIn,
}) => {
  await signIn()
  const flow = new FlowPage(page)
  await flow.goto(dep)
  await expect(flow.legend).toBeVisible()
  await expect(flow.legend.getByText('Failed')).toBeVisible()
  await expect(flow.legend.getByText('Through a folded group')).toBeVisible()
  await page.getByRole('button', { name: 'Legend' }).click()
  await expect(flow.legend).toBeHidden()
  await page.getByRole('button', { name: 'Outline' }).click()
  await expect(flow.outline).toBeHidden()
  await expect(page.getByRole('button', { name: 'Outline' })).toHaveAttribute('aria-expanded', 'false')

  await flow.depth.selectOption('1')
  await expect(page).toHaveURL(/depth=1/)
  await flow.waitForLayout()
  await flow.settle()
  const scene = await flow.scene()
  expect(scene.nodes).toHaveLength(5)
  expect(scene.nodes.every((x) => x.onScreen)).toBe(true)
  await flow.depth.selectOption('all')
  await expect(page).toHaveURL(/depth=all/)
  await flow.waitForLayout()
  await flow.settle()
  expect((await flow.scene()).nodes.every((x) => x.onScreen)).toBe(true)
  // Manual folds show as a custom level with a reset.
  await flow.clickNode(`${dep}:install-cilium`, { button: 'right' })
  await flow.menuItem('Fold Bootstrap (fsn1)').click()
  await expect(flow.depth).toHaveValue('custom')
  await page.getByRole('button', { name: 'Reset folds' }).click()
  await expect(flow.depth).toHaveValue('all')
})

test('bad graph data is reported in a diagnostics badge, never a crash or a hang (regressions 23, 35, 39)', async ({
  page,
  signIn,
}) => {
  const node = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    label: id,
    status: 'succeeded',
    ...extra,
  })
  const bad = {
    type: 'snapshot',
    flow: { id: dep, status: 'running', startedAt: 0 },
    nodes: [
      node(`${dep}:provisioner`, { family: 'group' }),
      node(`${dep}:a`, { region: 'fsn1' }),
      node(`${dep}:b`, { region: 'nbg1-1' }),
      node(`${dep}:b`, { region: 'nbg1-1' }),
      node(`${dep}:self`),
      node(`${dep}:g1`, { family: 'group' }),
      node(`${dep}:g2`, { family: 'group' }),
    ],
    // No `relationships` key at all in the stream frame (omitempty) — the snapshot carries the bad ones.
    relationships: [
      { fromId: `${dep}:a`, toId: `${dep}:provisioner`, type: 'contains' },
      { fromId: `${dep}:b`, toId: `${dep}:provisioner`, type: 'contains' },
      { fromId: `${dep}:a`, toId: `${dep}:ghost`, type: 'finish-to-start' },
      { fromId: `${dep}:self`, toId: `${dep}:self`, type: 'contains' },
      { fromId: `${dep}:g1`, toId: `${dep}:g2`, type: 'contains' },
      { fromId: `${dep}:g2`, toId: `${dep}:g1`, type: 'contains' },
      { fromId: `${dep}:a`, toId: `${dep}:b`, type: 'finish-to-start' },
    ],
  }
  await page.route(`**/api/v1/flows/${dep}/snapshot`, (route) => route.fulfill({ json: bad }))
  await page.route(`**/api/v1/flows/${dep}/stream`, (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
      body: `event: upsert-rels\ndata: {"type":"upsert-rels"}\n\n`,
    }),
  )
  await signIn()
  const flow = new FlowPage(page)
  await flow.goto(dep, { depth: 'all' })
  const badge = page.getByRole('button', { name: /graph problems$/ })
  await expect(badge).toHaveText('⚠ 5 graph problems')
  const state = await flow.state()
  expect(state.diagnostics.join('\n')).toMatch(/ghost, which does not exist/)
  expect(state.diagnostics.join('\n')).toMatch(/sent more than once/)
  expect(state.diagnostics.join('\n')).toMatch(/containing itself/)
  expect(state.diagnostics.join('\n')).toMatch(/cycle/)
  expect(state.diagnostics.join('\n')).toMatch(/crosses regions/)
  // Still drawn: the dangling edge is not, the cross-region one is (flagged in red on the canvas).
  const scene = await flow.scene()
  expect(scene.nodes.map((n) => n.id)).toContain(`${dep}:a`)
  expect(scene.edges.map((e) => `${e.fromId}>${e.toId}`)).toEqual([`${dep}:a>${dep}:b`])
  await badge.click()
  const dialog = page.getByRole('dialog', { name: 'Graph problems' })
  await expect(dialog.getByRole('listitem')).toHaveCount(5)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test.describe('touch', () => {
  test.use({ hasTouch: true })

  test('pinch zooms (two fingers spreading apart)', async ({ page, signIn }) => {
    await signIn()
    const flow = new FlowPage(page)
    await flow.goto(dep, { depth: 'all' })
    const start = (await flow.state()).camera
    const box = (await flow.canvas.boundingBox())!
    const cx = box.x + box.width / 2
    const cy = box.y + box.height / 2
    const cdp = await page.context().newCDPSession(page)
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', spread: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints:
          type === 'touchEnd'
            ? []
            : [
                { x: cx - spread, y: cy, id: 1 },
                { x: cx + spread, y: cy, id: 2 },
              ],
      })
    await touch('touchStart', 40)
    for (const s of [60, 80, 100, 120]) await touch('touchMove', s)
    await touch('touchEnd', 0)
    await expect.poll(async () => (await flow.state()).camera.k).toBeGreaterThan(start.k * 2.5)
  })
})
