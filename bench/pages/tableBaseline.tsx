/**
 * Baseline for the deployments-list benchmark: the same table without virtualisation — every row in the
 * DOM as a plain <table>, the same columns and cell components, the same filter and sort functions, the
 * same data from the API. Bench-only: never built into the app.
 *
 * Controls carry the console's accessible names (the "Filter deployments" box, one sort button per
 * header), so the benchmark drives both tables the same way.
 */
import { useEffect, useMemo, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { RelativeTime } from '../../src/components/RelativeTime.tsx'
import { StatusBadge, statusLabel } from '../../src/components/StatusBadge.tsx'
import { DeploymentList, type DeploymentSummary } from '../../src/contracts/deployments.ts'
import { deleteBlockReason } from '../../src/features/deployments/delete/deleteRules.ts'
import { filterDeployments } from '../../src/features/deployments/list/filterDeployments.ts'
import {
  DEFAULT_SORT,
  nextSort,
  regionsOf,
  sortDeployments,
  type DeploymentSort,
  type DeploymentSortKey,
} from '../../src/features/deployments/list/sortDeployments.ts'
import { apiFetch } from '../../src/lib/http.ts'
import page from '../../src/features/deployments/list/DeploymentsScreen.module.css'
import table from '../../src/components/VirtualTable.module.css'
import '../../src/styles/global.css'

const fqdnOf = (d: DeploymentSummary) => d.sovereignFQDN || d.id

const COLUMNS: { id: DeploymentSortKey | 'actions'; header: string; width: string }[] = [
  { id: 'fqdn', header: 'FQDN', width: '19%' },
  { id: 'status', header: 'Status', width: '14%' },
  { id: 'regions', header: 'Regions', width: '16%' },
  { id: 'started', header: 'Started', width: '9%' },
  { id: 'finished', header: 'Finished', width: '9%' },
  { id: 'owner', header: 'Owner', width: '13%' },
  { id: 'actions', header: 'Actions', width: '20%' },
]

function Row({ d }: { d: DeploymentSummary }) {
  const regions = regionsOf(d)
  const reason = deleteBlockReason(d.status)
  return (
    <tr className={table.row} style={{ height: 44 }} data-status={d.status}>
      <td>
        <a href={`/provision/${d.id}`} className={page.fqdn} title={d.id}>
          {fqdnOf(d)}
        </a>
      </td>
      <td>
        <span className={page.statusCell}>
          <StatusBadge status={d.status} size="sm" />
          {d.secondaryDegraded ? <span className={page.degraded}>secondary degraded</span> : null}
        </span>
      </td>
      <td>
        {regions.length ? (
          <span className={`mono ${page.regions}`} title={regions.join(', ')}>
            {regions.join(', ')}
          </span>
        ) : (
          <span className="faint">—</span>
        )}
      </td>
      <td>
        <RelativeTime value={d.startedAt} />
      </td>
      <td>
        <RelativeTime value={d.finishedAt} />
      </td>
      <td>
        {d.ownerEmail ? <span title={d.ownerEmail}>{d.ownerEmail}</span> : <span className="faint">—</span>}
      </td>
      <td>
        <span className={page.actions}>
          <button type="button" className="btn btn-sm" aria-label={`Delete ${fqdnOf(d)}`} disabled={!!reason}>
            Delete
          </button>
          {reason ? <span className={page.reason}>{reason}</span> : null}
        </span>
      </td>
    </tr>
  )
}

function App() {
  const [all, setAll] = useState<DeploymentSummary[] | undefined>(undefined)
  const [q, setQ] = useState('')
  const [sort, setSort] = useState<DeploymentSort>(DEFAULT_SORT)
  useEffect(() => {
    void apiFetch('/v1/deployments', DeploymentList).then(setAll)
  }, [])
  const rows = useMemo(
    () => (all ? sortDeployments(filterDeployments(all, { q }, statusLabel), sort, statusLabel) : []),
    [all, q, sort],
  )
  if (!all) return <p>Loading…</p>
  const filtering = !!q.trim()
  return (
    <main style={{ padding: 24 }} className={page.page}>
      <div className={page.toolbar}>
        <input
          type="search"
          className={`input ${page.search}`}
          aria-label="Filter deployments"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <span className={page.count} aria-live="polite">
          {filtering
            ? `Showing ${rows.length} of ${all.length} deployments`
            : `${all.length} deployment${all.length === 1 ? '' : 's'}`}
        </span>
      </div>
      <div
        className={table.scroll}
        style={{ maxHeight: 'calc(100vh - 250px)' }}
        data-testid="baseline-table-scroll"
      >
        <table className={table.table} aria-label="Deployments">
          <colgroup>
            {COLUMNS.map((c) => (
              <col key={c.id} style={{ width: c.width }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.id}
                  scope="col"
                  aria-sort={
                    sort.key === c.id ? (sort.dir === 'desc' ? 'descending' : 'ascending') : undefined
                  }
                >
                  {c.id === 'actions' ? (
                    c.header
                  ) : (
                    <button
                      type="button"
                      className={table.sortButton}
                      onClick={() => setSort((s) => nextSort(s, c.id as DeploymentSortKey))}
                    >
                      {c.header}
                    </button>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <Row key={d.id} d={d} />
            ))}
          </tbody>
        </table>
      </div>
    </main>
  )
}

createRoot(document.getElementById('app')!).render(<App />)
