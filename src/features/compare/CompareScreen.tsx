import { useQuery } from '@tanstack/react-query'
import { useRef } from 'react'
import { AppLink } from '../../components/AppLink.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { EmptyState, Skeleton } from '../../components/States.tsx'
import { statusLabel } from '../../components/StatusBadge.tsx'
import { deploymentsQueryOptions } from '../../entities/deployment/deploymentQueries.ts'
import { errorMessage } from '../../lib/http.ts'
import { CompareReport } from './CompareReport.tsx'
import { compareSearch, type CompareSearch } from '../../entities/deployment/compareSearch.ts'
import { useRun, type RunLoad } from './useRun.ts'
import styles from './CompareScreen.module.css'
import { usePageSearch, useSearchPatch } from '../../lib/routeSearch.ts'

type Side = 'a' | 'b'
const SIDE_NAME: Record<Side, string> = { a: 'Run A', b: 'Run B' }

/**
 * `/compare?a=<id>&b=<id>` (mothership): two provisioning runs side by side — per chart and region the
 * durations and their delta, each run's critical path, and what failed or was retried in one run only.
 * The runs are picked here or on the deployments list; everything an operator would bookmark is in the URL.
 */
export function CompareScreen() {
  const search: CompareSearch = usePageSearch(compareSearch)
  const setSearch = useSearchPatch<CompareSearch>()
  const a = search.a ?? ''
  const b = search.b ?? ''
  const same = a !== '' && a === b
  const runA = useRun(a)
  const runB = useRun(same ? '' : b)
  const pickers = useRef<Record<Side, HTMLSelectElement | null>>({ a: null, b: null })
  const pickAnother = (side: Side) => pickers.current[side]?.focus()

  return (
    <>
      <PageHeader
        title="Compare runs"
        description="Two provisioning runs side by side: per chart and region, how long each took and what went differently."
      />
      <RunPickers
        a={a}
        b={b}
        onPick={(side, id) => setSearch({ [side]: id || undefined })}
        onSwap={() => setSearch({ a: b || undefined, b: a || undefined })}
        refs={pickers}
      />
      {!a || !b ? (
        <EmptyState
          title="Pick two runs"
          action={
            <AppLink to={{ page: 'deployments' }} className="btn">
              Choose on the deployments list
            </AppLink>
          }
        >
          Choose run A (the baseline) and run B above, or select two rows on the deployments list and press
          Compare.
        </EmptyState>
      ) : same ? (
        <div role="status" className={styles.notice}>
          Run A and run B are the same deployment — there is nothing to compare.{' '}
          <button type="button" className="btn btn-sm" onClick={() => pickAnother('b')}>
            Pick another run B
          </button>
        </div>
      ) : runA.error || runB.error ? (
        <>
          {runA.error ? <RunError side="a" run={runA} onPick={() => pickAnother('a')} /> : null}
          {runB.error ? <RunError side="b" run={runB} onPick={() => pickAnother('b')} /> : null}
        </>
      ) : !runA.input || !runB.input ? (
        <Skeleton rows={8} label="Loading both runs…" />
      ) : (
        <CompareReport
          a={runA}
          b={runB}
          inputA={runA.input}
          inputB={runB.input}
          search={search}
          setSearch={setSearch}
        />
      )}
    </>
  )
}

function RunError({ side, run, onPick }: { side: Side; run: RunLoad; onPick: () => void }) {
  return (
    <div role="alert" className={styles.error}>
      <h2 className={styles.errorTitle}>
        {run.notFound
          ? `${SIDE_NAME[side]} (${run.id}) was not found`
          : `Could not load ${SIDE_NAME[side].toLowerCase()} (${run.id})`}
      </h2>
      <p className={styles.errorBody}>
        {run.notFound
          ? 'No deployment has this id: it may have been deleted, or the link is mistyped.'
          : errorMessage(run.error)}
      </p>
      <div className={styles.errorActions}>
        <button type="button" className="btn btn-sm" onClick={run.retry}>
          Retry {SIDE_NAME[side]}
        </button>
        <button type="button" className="btn btn-sm" onClick={onPick}>
          Pick another {SIDE_NAME[side]}
        </button>
      </div>
    </div>
  )
}

/** Two selects over the deployments list (an id not in it — unknown, or filtered out — stays selectable). */
function RunPickers({
  a,
  b,
  onPick,
  onSwap,
  refs,
}: {
  a: string
  b: string
  onPick: (side: Side, id: string) => void
  onSwap: () => void
  refs: React.RefObject<Record<Side, HTMLSelectElement | null>>
}) {
  const list = useQuery(deploymentsQueryOptions())
  const rows = list.data ?? []
  const picker = (side: Side, value: string) => (
    <label className={styles.picker}>
      <span>{SIDE_NAME[side]}</span>
      <select
        className="select"
        value={value}
        ref={(el) => {
          refs.current[side] = el
        }}
        onChange={(e) => onPick(side, e.target.value)}
      >
        <option value="">Choose a run…</option>
        {value && !rows.some((r) => r.id === value) ? <option value={value}>{value}</option> : null}
        {rows.map((r) => (
          <option key={r.id} value={r.id}>
            {`${r.sovereignFQDN || r.id} — ${statusLabel(r.status)}`}
          </option>
        ))}
      </select>
    </label>
  )
  return (
    <div className={styles.pickers} role="group" aria-label="Runs to compare">
      {picker('a', a)}
      <button type="button" className="btn btn-sm" onClick={onSwap} disabled={!a && !b}>
        Swap A and B
      </button>
      {picker('b', b)}
      {list.isError ? (
        <span className={styles.muted}>
          The deployments list did not load; runs in the link are still compared.{' '}
          <button type="button" className="btn btn-sm" onClick={() => void list.refetch()}>
            Retry list
          </button>
        </span>
      ) : null}
    </div>
  )
}
