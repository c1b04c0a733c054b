import type { Locator, Page } from '@playwright/test'

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The cloud views (`/cloud`, `/provision/$id/cloud`): architecture graph and per-kind tables. */
export class CloudPage {
  constructor(readonly page: Page) {}

  get graph(): Locator {
    return this.page.getByRole('group', { name: 'Architecture graph' })
  }
  get chips(): Locator {
    return this.page.getByRole('group', { name: 'Resource types' })
  }
  /** The chip of a node type; its name is `<Type> <shown>/<total>`. */
  chip(type: string): Locator {
    return this.chips.getByRole('button', { name: new RegExp(`^${escape(type)} \\d+/\\d+$`) })
  }
  async chipCounts(type: string): Promise<{ shown: number; total: number }> {
    const text = (await this.chip(type).textContent()) ?? ''
    const m = /(\d+)\/(\d+)\s*$/.exec(text.trim())
    if (!m) throw new Error(`chip ${type}: ${text}`)
    return { shown: Number(m[1]), total: Number(m[2]) }
  }
  /** A resource in the graph; its name is `<name>, <Type>[ · <summary>], <status>`. */
  node(type: string, name: string): Locator {
    return this.graph.getByRole('button', { name: new RegExp(`^${escape(name)}, ${escape(type)}( ·|,)`) })
  }
  nodesOf(type: string): Locator {
    return this.graph.getByRole('button', { name: new RegExp(`^[^,]+, ${escape(type)}( ·|,)`) })
  }
  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search resources' })
  }
  get matchStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: /match/ })
  }
  get details(): Locator {
    return this.page.getByRole('complementary')
  }
  get closeDetails(): Locator {
    return this.page.getByRole('button', { name: 'Close details' })
  }
  get views(): Locator {
    return this.page.getByRole('navigation', { name: 'View' })
  }
  get kindTabs(): Locator {
    return this.page.getByRole('navigation', { name: 'Resource kinds' })
  }
  /** The list tab of a kind (`Load balancers 3`). */
  kindTab(label: string): Locator {
    return this.kindTabs.getByRole('link', { name: new RegExp(`^${escape(label)} \\d+$`) })
  }
  async tabCount(label: string): Promise<number> {
    const text = (await this.kindTab(label).textContent()) ?? ''
    return Number(/(\d+)\s*$/.exec(text.trim())?.[1])
  }
  table(label: string): Locator {
    return this.page.getByRole('table', { name: label })
  }
  /** Data rows of a table (the header row and spacer rows excluded). */
  async rowCount(label: string): Promise<number> {
    const total = await this.table(label).getAttribute('aria-rowcount')
    return Number(total) - 1
  }
}
