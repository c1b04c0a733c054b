import { useCallback, useMemo } from 'react'
import { compareRuns, type CompareInput } from '../../graph/compareRuns.ts'
import { formatAbsolute, formatDuration } from '../../lib/time.ts'
import { useUrlText } from '../../lib/useUrlText.ts'
import { COMPARE_SORT, filterCompareRows, regionLabel, sortCompareRows } from './compareRows.ts'
import {
  COMPARE_FILTERS,
  type CompareFilter,
  type CompareSearch,
} from '../../entities/deployment/compareSearch.ts'
import { CompareSummary } from './CompareSummary.tsx'
import { CompareTable } from './CompareTable.tsx'
import type { RunLoad } from './useRun.ts'
import styles from './CompareScreen.module.css'

const FILTER_LABELS: Record<CompareFilter, string> = {
  all: 'All rows',
  differences: 'Differences only',
  failed: 'Failed in either run',
  retried: 'Retried in either run',
  'one-side': 'In one run only',
  critical: 'On a critical path',
}

/** The comparison of two loaded runs: live notices, summary and critical paths, then the table. */
export function CompareReport({
  a,
  b,
  inputA,
  inputB,
  search,
  setSearch,
}: {
  a: RunLoad
  b: RunLoad
  inputA: CompareInput
  inputB: CompareInput
  search: CompareSearch
  setSearch: (patch: Partial<CompareSearch>) => void
}) {
  const comparison = useMemo(() => compareRuns(inputA, inputB), [inputA, inputB])
  const writeQ = useCallback((q: string | undefined) => setSearch({ q }), [setSearch])
  const [q, setQ] = useUrlText(search.q, writeQ)
  const sort = COMPARE_SORT.parse(search.sort, search.dir)
  const rows = useMemo(
    () =>
      sortCompareRows(
        filterCompareRows(comparison.rows, { filter: search.filter, region: search.region, q }),
        COMPARE_SORT.parse(search.sort, search.dir),
      ),
    [comparison.rows, search.filter, search.region, q, search.sort, search.dir],
  )
  const regionKnown = comparison.regions.some((p) => p.key === search.region)
  return (
    <div className={styles.report}>
      <LiveNotice name="A" run={a} />
      <LiveNotice name="B" run={b} />
      <CompareSummary comparison={comparison} a={a} b={b} />
      <div className={styles.toolbar} role="search" aria-label="Filter the comparison">
        <input
          type="search"
          className="input"
          aria-label="Filter by chart or job"
          placeholder="Filter by chart or job"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <select
          className="select"
          aria-label="Show"
          value={search.filter ?? 'all'}
          onChange={(e) => {
            const v = e.target.value as CompareFilter
            setSearch({ filter: v === 'all' ? undefined : v })
          }}
        >
          {COMPARE_FILTERS.map((f) => (
            <option key={f} value={f}>
              {FILTER_LABELS[f]}
            </option>
          ))}
        </select>
        <select
          className="select"
          aria-label="Region"
          value={regionKnown ? search.region : ''}
          onChange={(e) => setSearch({ region: e.target.value || undefined })}
        >
          <option value="">All regions</option>
          {comparison.regions.map((p) => (
            <option key={p.key} value={p.key}>
              {regionLabel(p)}
              {p.a === undefined ? ' (run B only)' : p.b === undefined ? ' (run A only)' : ''}
            </option>
          ))}
        </select>
        <span className={styles.muted} aria-live="polite">
          {rows.length === comparison.rows.length
            ? `${rows.length} rows`
            : `Showing ${rows.length} of ${comparison.rows.length} rows`}
          {' · wall time '}
          {formatDuration(comparison.summary.wallMs.a)} → {formatDuration(comparison.summary.wallMs.b)}
        </span>
      </div>
      <CompareTable
        rows={rows}
        sort={sort}
        onSort={(column) => setSearch(COMPARE_SORT.toSearch(COMPARE_SORT.next(sort, column)))}
        onClearFilters={() => {
          setQ('')
          setSearch({ q: undefined, filter: undefined, region: undefined })
        }}
      />
    </div>
  )
}

function LiveNotice({ name, run }: { name: 'A' | 'B'; run: RunLoad }) {
  if (!run.live) return null
  return (
    <p role="status" className={styles.notice}>
      Run {name} ({run.fqdn}) is still running: compared so far
      {run.asOfMs !== undefined ? `, as of ${formatAbsolute(run.asOfMs)}` : ''}. Its jobs that have not
      started have no duration yet.
    </p>
  )
}
