import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from '@playwright/test'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[]
}

/**
 * Runs axe-core on the current page and returns its violations as readable strings. Evaluated through the
 * debugging protocol, so the preview's CSP (no inline scripts) does not block it.
 */
export async function axeViolations(page: Page, opts: { disableRules?: string[] } = {}): Promise<string[]> {
  await page.evaluate(axeSource)
  const rules = Object.fromEntries((opts.disableRules ?? []).map((r) => [r, { enabled: false }]))
  return page.evaluate(async (r) => {
    const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<AxeResult> } }).axe
    const res = await axe.run({ rules: r })
    return res.violations.map(
      (v) => `${v.id} (${v.impact ?? '?'}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
    )
  }, rules)
}
