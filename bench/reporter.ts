import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter'
import type { Metric } from './stats.ts'

const fmt = (n: number, unit: string) => {
  if (!Number.isFinite(n)) return '—'
  const digits = unit === 'kB' || unit === 'MB' ? 1 : n >= 100 ? 0 : n >= 10 ? 1 : 2
  return `${n.toFixed(digits)} ${unit}`
}

/** The CPU's model name (/proc/cpuinfo on Linux; Node's view elsewhere). */
function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))
    if (m) return m[1]!.trim()
  } catch {
    // not Linux
  }
  return cpus()[0]?.model ?? 'unknown'
}

const LATEST = new URL('./results/latest.json', import.meta.url)

/** The earlier latest.json's metrics, each with the date it was measured; none when there is no file. */
function readEarlier(): Metric[] {
  try {
    const prev = JSON.parse(readFileSync(LATEST, 'utf8')) as { date: string; metrics: Metric[] }
    return prev.metrics.map((m) => ({ ...m, measuredAt: m.measuredAt ?? prev.date }))
  } catch {
    return []
  }
}

/**
 * This run's metrics plus the earlier ones of every scenario this run did not measure (a run of one spec
 * must not drop the rest of the table; those rows keep their own date, which the README shows). A scenario
 * measured again replaces all its earlier rows, in the earlier table's place; new scenarios go last.
 */
export function mergeWithEarlier(now: Metric[], earlier: Metric[]): Metric[] {
  const measured = new Set(now.map((m) => m.scenario))
  const out: Metric[] = []
  const placed = new Set<string>()
  const place = (scenario: string) => {
    if (placed.has(scenario)) return
    placed.add(scenario)
    out.push(...now.filter((m) => m.scenario === scenario))
  }
  for (const m of earlier) {
    if (measured.has(m.scenario)) place(m.scenario)
    else out.push(m)
  }
  for (const m of now) place(m.scenario)
  return out
}

/** Prints one table of every metric (p50/p95 beside its baseline and target) and writes JSON. */
export default class BenchReporter implements Reporter {
  private metrics: Metric[] = []
  private failures: string[] = []
  private browser: string | undefined

  onTestEnd(test: TestCase, result: TestResult): void {
    for (const a of result.attachments) {
      if (a.name === 'bench-metric' && a.body)
        this.metrics.push(JSON.parse(a.body.toString('utf8')) as Metric)
      if (a.name === 'bench-env' && a.body)
        this.browser ??= (JSON.parse(a.body.toString('utf8')) as { browser?: string }).browser
    }
    if (result.status !== 'passed')
      this.failures.push(`${test.title}: ${result.status} ${result.error?.message?.split('\n')[0] ?? ''}`)
  }

  onEnd(result: FullResult): void {
    const rows = this.metrics.map((m) => [
      m.scenario,
      m.metric,
      fmt(m.p50, m.unit),
      fmt(m.p95, m.unit),
      m.baseline
        ? `${fmt(m.baseline.p50, m.unit)} / ${fmt(m.baseline.p95, m.unit)} (${m.baseline.name})`
        : '',
      m.baseline && m.baseline.p50 > 0 && m.p50 > 0 ? `${(m.baseline.p50 / m.p50).toFixed(1)}×` : '',
      m.target ? `${m.target} ${m.met === undefined ? '' : m.met ? '✓' : '✗'}` : '',
      m.note ?? '',
    ])
    const header = ['Scenario', 'Metric', 'p50', 'p95', 'Baseline p50 / p95', 'Ratio', 'Target', 'Note']
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')
    console.log(
      `\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n${rows.map(line).join('\n')}\n`,
    )
    if (this.failures.length)
      console.log(`Scenarios that did not complete:\n- ${this.failures.join('\n- ')}\n`)
    const date = new Date().toISOString()
    const out = {
      date,
      machine: {
        cpus: cpus().length,
        cpuModel: cpuModel(),
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        browser: this.browser ?? 'unknown',
      },
      status: result.status,
      failures: this.failures,
      metrics: mergeWithEarlier(
        this.metrics.map((m) => ({ ...m, measuredAt: date })),
        readEarlier(),
      ),
    }
    mkdirSync(new URL('./results/', import.meta.url), { recursive: true })
    writeFileSync(LATEST, JSON.stringify(out, null, 2))
    console.log('Wrote bench/results/latest.json')
  }
}
