#!/usr/bin/env node
/**
 * `npm run bench:readme`: rewrites the README's benchmark results (between the `bench:results` markers)
 * from bench/results/latest.json, so the numbers in the README are always the last `npm run bench`'s and
 * never typed by hand. Prettier formats the result (the README stays `format:check` clean).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as prettier from 'prettier'

const root = fileURLToPath(new URL('..', import.meta.url))
const README = `${root}README.md`
const START = '<!-- bench:results:start -->'
const END = '<!-- bench:results:end -->'

const results = JSON.parse(readFileSync(`${root}bench/results/latest.json`, 'utf8'))

const fmt = (n, unit) => {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '—'
  const digits = unit === 'kB' || unit === 'MB' ? 1 : Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2
  const text = n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
  return unit === 'count' ? text : `${text} ${unit}`
}
const cell = (s) => String(s ?? '').replace(/\|/g, '\\|')

/** The target's threshold: its first free-standing number (`< 100 ms` → 100, `p95 ≤ 20 ms (≥ 55 fps)` → 20). */
function threshold(target) {
  const m = /(?<![\w.])(\d[\d,]*(?:\.\d+)?)/.exec(target)
  return m ? Number(m[1].replace(/,/g, '')) : undefined
}

function gap(m) {
  if (m.met !== false) return ''
  const t = threshold(m.target)
  if (t === undefined) return 'missed'
  const over = m.p95 - t
  return `p95 ${fmt(over, m.unit)} over${t > 0 ? ` (${(m.p95 / t).toFixed(1)}×)` : ''}`
}

const { date, machine, metrics, failures = [] } = results
const when = (iso) => iso.slice(0, 16).replace('T', ' ')
/** A row kept from an earlier run (the last run measured other scenarios only; bench/reporter.ts). */
const earlier = (m) => m.measuredAt !== undefined && m.measuredAt !== date
const kept = metrics.filter(earlier).length
const rows = metrics.map((m) => [
  m.scenario,
  m.metric,
  fmt(m.p50, m.unit),
  fmt(m.p95, m.unit),
  m.baseline ? `${fmt(m.baseline.p50, m.unit)} / ${fmt(m.baseline.p95, m.unit)} (${m.baseline.name})` : '',
  m.target ?? '',
  m.met === undefined ? '' : m.met ? 'met' : `**missed** — ${gap(m)}`,
  [m.note, earlier(m) ? `measured ${when(m.measuredAt)}, an earlier run` : ''].filter(Boolean).join('; '),
])
const targeted = metrics.filter((m) => m.met !== undefined)
const missed = targeted.filter((m) => m.met === false)

const lines = [
  START,
  '',
  `Latest run: ${when(date)} UTC on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB RAM, Node ${machine.node}, ${machine.browser ?? 'Chromium (version not recorded)'} (headless). ${targeted.length - missed.length} of ${targeted.length} targets met.${kept ? ` That run measured ${metrics.length - kept} of the ${metrics.length} rows; the other ${kept} are from earlier runs and say when.` : ''}`,
  '',
  '| Scenario | Metric | p50 | p95 | Baseline p50 / p95 | Target | Met | Note |',
  '| --- | --- | --: | --: | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  '',
  ...(missed.length
    ? [
        'Targets missed in this run (p95 against the target):',
        '',
        ...missed.map(
          (m) => `- ${m.scenario}, ${m.metric}: p95 ${fmt(m.p95, m.unit)}, target ${m.target} — ${gap(m)}.`,
        ),
        '',
      ]
    : []),
  ...(failures.length
    ? ['Scenarios that did not complete:', '', ...failures.map((f) => `- ${f.replace(/\n/g, ' ')}`), '']
    : []),
  END,
]

const readme = readFileSync(README, 'utf8')
const a = readme.indexOf(START)
const b = readme.indexOf(END)
if (a < 0 || b < a) {
  console.error(`README.md has no ${START} … ${END} block to fill`)
  process.exit(1)
}
const next = readme.slice(0, a) + lines.join('\n') + readme.slice(b + END.length)
const options = (await prettier.resolveConfig(README)) ?? {}
writeFileSync(README, await prettier.format(next, { ...options, filepath: README }))
console.log(`README.md: benchmark results from ${date}`)
