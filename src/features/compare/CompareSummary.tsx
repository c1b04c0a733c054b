import { AppLink } from '../../components/AppLink.tsx'
import type { CompareRow, CompareSide, RunComparison } from '../../graph/compareRuns.ts'
import { bareJobName } from '../../lib/links.ts'
import { formatDuration } from '../../lib/time.ts'
import { formatDelta, regionLabel } from './compareRows.ts'
import type { RunLoad } from './useRun.ts'
import styles from './CompareScreen.module.css'

const LISTED = 5

/** Wall time, what happened in one run only, and each run's critical path. */
export function CompareSummary({ comparison, a, b }: { comparison: RunComparison; a: RunLoad; b: RunLoad }) {
  const byKey = new Map(comparison.rows.map((r) => [r.key, r]))
  const s = comparison.summary
  const wall = s.wallMs
  const facts: [string, string[]][] = [
    ['Failed in run A only', s.failedOnlyInA],
    ['Failed in run B only', s.failedOnlyInB],
    ['Retried in run A only', s.retriedOnlyInA],
    ['Retried in run B only', s.retriedOnlyInB],
    ['In run A only', s.onlyInA],
    ['In run B only', s.onlyInB],
  ]
  return (
    <section className={styles.summary} aria-labelledby="compare-summary-heading">
      <h2 id="compare-summary-heading" className={styles.sectionTitle}>
        Summary
      </h2>
      <dl className={styles.facts}>
        <div>
          <dt>Wall time</dt>
          <dd>
            A {formatDuration(wall.a)} · B {formatDuration(wall.b)} ·{' '}
            <span className={deltaClass(wall.deltaMs)}>{formatDelta(wall.deltaMs)}</span>
          </dd>
        </div>
        {facts.map(([label, keys]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{keys.length ? describe(keys, byKey) : 'none'}</dd>
          </div>
        ))}
      </dl>
      <div className={styles.paths}>
        <CriticalPathList side="a" run={a} comparison={comparison} />
        <CriticalPathList side="b" run={b} comparison={comparison} />
      </div>
    </section>
  )
}

export function deltaClass(ms: number | undefined): string | undefined {
  if (ms === undefined || Math.abs(ms) < 1000) return undefined
  return ms > 0 ? styles.slower : styles.faster
}

function describe(keys: readonly string[], byKey: ReadonlyMap<string, CompareRow>): string {
  const names = keys.slice(0, LISTED).map((k) => {
    const r = byKey.get(k)
    return r ? `${r.name} (${regionLabel(r.pair)})` : k
  })
  return keys.length > LISTED ? `${names.join(', ')} and ${keys.length - LISTED} more` : names.join(', ')
}

function CriticalPathList({
  side,
  run,
  comparison,
}: {
  side: 'a' | 'b'
  run: RunLoad
  comparison: RunComparison
}) {
  const path = comparison.critical[side]
  const sides = new Map<string, CompareSide>()
  for (const r of comparison.rows) {
    const x = r[side]
    if (x) sides.set(x.jobId, x)
  }
  const name = side.toUpperCase()
  const headingId = `critical-path-${side}`
  return (
    <section aria-labelledby={headingId} className={styles.path}>
      <h3 id={headingId} className={styles.pathTitle}>
        Critical path of run {name} <span className={styles.muted}>({run.fqdn})</span>
      </h3>
      <p className={styles.muted}>
        {path.ids.length} jobs · {formatDuration(path.totalMs)}
        {run.live ? ' so far' : ''}
      </p>
      <ol className={styles.pathList}>
        {path.ids.map((id) => (
          <li key={id}>
            <AppLink to={{ page: 'job', deploymentId: run.id, jobId: id }}>{bareJobName(run.id, id)}</AppLink>{' '}
            <span className={styles.muted}>{formatDuration(sides.get(id)?.durationMs)}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
