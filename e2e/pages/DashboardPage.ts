import type { Locator, Page } from '@playwright/test'

export interface TreemapSceneCell {
  path: string
  name: string
  depth: number
  x: number
  y: number
  w: number
  h: number
  count: number
  value: number
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The dashboard treemap (`/dashboard`, `/provision/$id/dashboard`) and the fleet treemap. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  layer(n: number): Locator {
    return this.page.getByLabel(`Layer ${n}`, { exact: true })
  }
  get size(): Locator {
    return this.page.getByLabel('Size', { exact: true })
  }
  get colour(): Locator {
    return this.page.getByLabel('Colour', { exact: true })
  }
  get addLayerButton(): Locator {
    return this.page.getByRole('button', { name: 'Add layer' })
  }
  get removeLayerButton(): Locator {
    return this.page.getByRole('button', { name: 'Remove layer' })
  }
  get treemap(): Locator {
    return this.page.getByRole('group', { name: /^Treemap:/ })
  }
  get fleetTreemap(): Locator {
    return this.page.getByRole('group', { name: /^Fleet treemap:/ })
  }
  get breadcrumb(): Locator {
    return this.page.getByRole('navigation', { name: 'Drill path' })
  }
  get legend(): Locator {
    return this.page.getByRole('figure', { name: /^Colour legend/ })
  }

  /** A cell (button or link) whose accessible name starts with `<name>:`. */
  cell(name: string, within: Locator = this.treemap): Locator {
    return within.getByRole('button', { name: new RegExp(`^${escape(name)}:`) })
  }
  appCell(name: string, within: Locator = this.treemap): Locator {
    return within.getByRole('link', { name: new RegExp(`^${escape(name)}:`) })
  }

  anyCell(name: string, within: Locator = this.treemap): Locator {
    return this.cell(name, within).or(this.appCell(name, within))
  }

  /** Clicks a parent cell on its header strip (its middle is covered by its children). */
  async drillInto(name: string): Promise<void> {
    await this.cell(name)
      .first()
      .click({ position: { x: 12, y: 8 } })
  }

  async selectLayer(n: number, label: string): Promise<void> {
    await this.layer(n).selectOption({ label })
  }

  /** The drawn cells, from the non-production test handle. */
  async scene(
    hook: '__catalystTreemap' | '__catalystFleetTreemap' = '__catalystTreemap',
  ): Promise<TreemapSceneCell[]> {
    return this.page.evaluate((h) => {
      const handle = (window as unknown as Record<string, { scene: () => TreemapSceneCell[] } | undefined>)[h]
      return handle ? handle.scene() : []
    }, hook)
  }

  /** Layout and render timings of the last re-pivot (non-production builds). */
  async timing(): Promise<{ layoutMs: number; renderMs: number; layouts: number; cells: number }> {
    return this.page.evaluate(() => {
      const h = (window as unknown as Record<string, Record<string, number> | undefined>).__catalystTreemap
      return {
        layoutMs: h?.lastLayoutMs ?? 0,
        renderMs: h?.lastRenderMs ?? 0,
        layouts: h?.layouts ?? 0,
        cells: h?.cellCount ?? 0,
      }
    })
  }

  async topLevelNames(): Promise<string[]> {
    return (await this.scene()).filter((c) => c.depth === 1).map((c) => c.name)
  }
}
