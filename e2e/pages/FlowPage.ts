import { expect, type Locator, type Page } from '@playwright/test'
import type {
  FlowHookLane,
  FlowHookNode,
  FlowHookState,
  FlowTestHook,
} from '../../src/features/flow/flowTestHook.ts'

type Scene = ReturnType<FlowTestHook['scene']>

/**
 * The provisioning graph (`/jobs?view=graph`): role-based locators for every control, plus the read-only
 * canvas hook (`window.__catalystFlow`) for positions and counts a canvas cannot expose otherwise.
 */
export class FlowPage {
  readonly region: Locator
  readonly canvas: Locator
  readonly outline: Locator
  readonly summary: Locator
  readonly search: Locator
  readonly depth: Locator
  readonly fit: Locator
  readonly zoomIn: Locator
  readonly zoomOut: Locator
  readonly zoomToSelection: Locator
  readonly liveStatus: Locator
  readonly reconnectNow: Locator
  readonly legend: Locator

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Provisioning graph' })
    this.canvas = page.getByRole('application', { name: /^Provisioning graph/ })
    this.outline = page.getByRole('tree', { name: 'Graph outline' })
    this.summary = page.getByRole('status', { name: 'Graph summary' })
    this.search = page.getByRole('searchbox', { name: 'Search the graph' })
    this.depth = page.getByRole('combobox', { name: 'Depth' })
    this.fit = page.getByRole('button', { name: 'Fit', exact: true })
    this.zoomIn = page.getByRole('button', { name: 'Zoom in' })
    this.zoomOut = page.getByRole('button', { name: 'Zoom out' })
    this.zoomToSelection = page.getByRole('button', { name: 'Zoom to selection' })
    this.liveStatus = page.getByRole('status', { name: /^Live updates:/ })
    this.reconnectNow = page.getByRole('button', { name: 'Reconnect now' })
    this.legend = page.getByRole('region', { name: 'Legend' })
  }

  /** Opens the graph of a deployment (`origin` for a Sovereign host; `prefix` e.g. '/sovereign'). */
  async goto(
    deploymentId: string,
    search: Record<string, string> = {},
    opts: { origin?: string; sovereign?: boolean; prefix?: string } = {},
  ): Promise<void> {
    const q = new URLSearchParams({ view: 'graph', ...search })
      .toString()
      .replace(/%3A/gi, ':')
      .replace(/%2C/gi, ',')
    const path = opts.sovereign ? `/jobs` : `${opts.prefix ?? ''}/provision/${deploymentId}/jobs`
    await this.page.goto(`${opts.origin ?? ''}${path}?${q}`)
    await this.waitForLayout()
  }

  /** Waits until the data is in, the worker layout is done and every visible node has a position. */
  async waitForLayout(): Promise<void> {
    await expect(this.region).toBeVisible()
    await this.page.waitForFunction(
      () => {
        const h = window.__catalystFlow
        if (!h) return false
        const s = h.state()
        const nodes = h.scene().nodes
        return !s.layoutPending && nodes.length > 0 && nodes.every((n) => Number.isFinite(n.x))
      },
      undefined,
      { timeout: 30_000 },
    )
  }

  scene(): Promise<Scene> {
    return this.page.evaluate(() => window.__catalystFlow!.scene())
  }

  lanes(): Promise<FlowHookLane[]> {
    return this.page.evaluate(() => window.__catalystFlow!.lanes())
  }

  state(): Promise<FlowHookState> {
    return this.page.evaluate(() => window.__catalystFlow!.state())
  }

  async node(id: string): Promise<FlowHookNode> {
    const n = (await this.scene()).nodes.find((x) => x.id === id)
    expect(n, `node ${id} is drawn`).toBeTruthy()
    return n!
  }

  /** Brings a node on screen (centres it through the outline → canvas selection path if needed). */
  async onScreen(id: string): Promise<FlowHookNode> {
    let n = await this.node(id)
    if (!n.onScreen) {
      await this.fit.click()
      await this.settle()
      n = await this.node(id)
    }
    expect(n.onScreen, `node ${id} is inside the canvas`).toBe(true)
    return n
  }

  /** Waits until the camera holds still: the same transform two animation frames apart (animations end). */
  async settle(): Promise<void> {
    await expect
      .poll(() =>
        this.page.evaluate(
          () =>
            new Promise<boolean>((resolve) => {
              const camera = () => JSON.stringify(window.__catalystFlow!.state().camera)
              const before = camera()
              requestAnimationFrame(() => requestAnimationFrame(() => resolve(camera() === before)))
            }),
        ),
      )
      .toBe(true)
  }

  async clickNode(id: string, opts: { button?: 'left' | 'right'; double?: boolean } = {}): Promise<void> {
    const n = await this.onScreen(id)
    if (opts.double) await this.page.mouse.dblclick(n.x, n.y)
    else await this.page.mouse.click(n.x, n.y, { button: opts.button ?? 'left' })
  }

  menu(): Locator {
    return this.page.getByRole('menu')
  }

  menuItem(name: string | RegExp): Locator {
    return this.page.getByRole('menuitem', { name, exact: typeof name === 'string' })
  }

  treeItem(name: string | RegExp): Locator {
    return this.outline.getByRole('treeitem', { name })
  }

  panel(label: string): Locator {
    return this.page.getByRole('complementary', { name: `Details of ${label}` })
  }

  /** The canvas pixel (r, g, b) at a viewport point. */
  pixelAt(x: number, y: number): Promise<[number, number, number]> {
    return this.page.evaluate(
      ([px, py]) => {
        window.__catalystFlow!.perf()
        const c = document.querySelector<HTMLCanvasElement>('canvas[aria-roledescription="graph"]')!
        const r = c.getBoundingClientRect()
        const ratio = c.width / r.width
        const d = c
          .getContext('2d')!
          .getImageData(Math.round((px - r.left) * ratio), Math.round((py - r.top) * ratio), 1, 1).data
        return [d[0]!, d[1]!, d[2]!] as [number, number, number]
      },
      [x, y] as const,
    )
  }

  /** A theme token (`status-succeeded`) as (r, g, b). */
  tokenRgb(token: string): Promise<[number, number, number]> {
    return this.page.evaluate((t) => {
      const probe = document.createElement('div')
      probe.style.color = `var(--${t})`
      document.body.appendChild(probe)
      const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(probe).color)!
      probe.remove()
      return [Number(m[1]), Number(m[2]), Number(m[3])] as [number, number, number]
    }, token)
  }
}
