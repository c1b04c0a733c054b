import { expect, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterTwoFrames } from './frames.ts'

/**
 * Runs axe-core on the current page and fails on serious or critical violations. axe is injected with
 * `page.evaluate` (DevTools evaluation), because the preview server's CSP forbids inline and foreign
 * script tags.
 */
const AXE_SOURCE = readFileSync(
  fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url)),
  'utf8',
)

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: unknown[]; failureSummary?: string }[]
}

export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  // Two animation frames: a style change just made (a theme switch) is computed and painted before axe reads
  // the colours.
  await afterTwoFrames(page)
  const hasAxe = await page.evaluate(() => 'axe' in window)
  if (!hasAxe) await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> }
      }
    ).axe
    const res = await axe.run(document, { resultTypes: ['violations'] })
    return res.violations as AxeViolation[]
  })
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
    )
  expect(serious, `axe: serious/critical violations on ${label}`).toEqual([])
}
