import { memo, useMemo, type ReactNode } from 'react'
import { AppLink } from '../../../components/AppLink.tsx'
import { LiveDuration } from '../../../components/LiveDuration.tsx'
import { RelativeTime } from '../../../components/RelativeTime.tsx'
import { StatusBadge } from '../../../components/StatusBadge.tsx'
import {
  VirtualTable,
  type ColumnDef,
  type ColumnMeta,
  type SortState,
} from '../../../components/VirtualTable.tsx'
import { NO_REGION, PRIMARY, summariseCounts, type JobRow, type TableItem } from '../jobRows.ts'
import type { Search } from '../../../lib/links.ts'
import styles from './JobsTable.module.css'

export interface JobsTableProps {
  deploymentId: string
  items: readonly TableItem[]
  multiRegion: boolean
  primaryKey: string | undefined
  sort: SortState | undefined
  onSort: (column: string) => void
  onToggleGroup: (key: string) => void
  selectedId: string | undefined
  onSelect: (id: string) => void
  empty: ReactNode
  /** Search the job links carry (`?at=` while replaying, so a job opens at the same instant). */
  linkSearch?: Search | undefined
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString())

// Cells are memoised on the parts of a row they show: while a replay is scrubbed, rows are re-laid every
// frame (new objects where the status or times changed) but names and dependencies stay the same arrays.

/** Readable dependency links (`cnpg`, `Terraform Plan`), three at most, the rest counted. */
const Deps = memo(function Deps({
  deploymentId,
  deps,
  linkSearch,
}: {
  deploymentId: string
  deps: JobRow['deps']
  linkSearch: Search | undefined
}) {
  if (!deps.length) return <span className="faint">—</span>
  const shown = deps.slice(0, 3)
  return (
    <span className={styles.deps} title={deps.map((d) => d.jobName).join(', ')}>
      {shown.map((d, i) => (
        <span key={d.id}>
          {i > 0 ? ', ' : null}
          <AppLink to={{ page: 'job', deploymentId, jobId: d.id, search: linkSearch }} title={d.jobName}>
            {d.label}
          </AppLink>
        </span>
      ))}
      {deps.length > shown.length ? <span className="muted"> +{deps.length - shown.length} more</span> : null}
    </span>
  )
})

/** The job's name (a link that also selects the row) and its display name. */
const Name = memo(function Name({
  deploymentId,
  id,
  jobName,
  displayName,
  linkSearch,
  onSelect,
}: {
  deploymentId: string
  id: string
  jobName: string
  displayName: string | undefined
  linkSearch: Search | undefined
  onSelect: (id: string) => void
}) {
  return (
    <span className={styles.name}>
      <AppLink
        to={{ page: 'job', deploymentId, jobId: id, search: linkSearch }}
        className={styles.nameLink}
        onFocus={() => onSelect(id)}
        onClick={() => onSelect(id)}
      >
        {jobName}
      </AppLink>
      {displayName ? <span className={styles.display}> {displayName}</span> : null}
    </span>
  )
})

/** The jobs table: leaves only, group headers when grouped; columns are fixed by the contract of issue 5. */
export function JobsTable(props: JobsTableProps) {
  const {
    deploymentId,
    items,
    multiRegion,
    primaryKey,
    sort,
    onSort,
    onToggleGroup,
    selectedId,
    onSelect,
    empty,
    linkSearch,
  } = props
  const columns = useMemo<ColumnDef<TableItem, unknown>[]>(() => {
    const job = (item: TableItem) => (item.kind === 'job' ? item.row : undefined)
    const cols: (ColumnDef<TableItem, unknown> & { meta?: ColumnMeta })[] = [
      {
        id: 'name',
        header: 'Name',
        meta: { width: multiRegion ? '26%' : '30%' },
        cell: ({ row }) => {
          const r = job(row.original)!
          return (
            <Name
              deploymentId={deploymentId}
              id={r.id}
              jobName={r.jobName}
              displayName={r.displayName}
              linkSearch={linkSearch}
              onSelect={onSelect}
            />
          )
        },
      },
      {
        id: 'phase',
        header: 'Phase',
        meta: { width: '11%' },
        cell: ({ row }) => job(row.original)!.phaseLabel,
      },
    ]
    if (multiRegion)
      cols.push({
        id: 'region',
        header: 'Region',
        meta: { width: '9%' },
        cell: ({ row }) => {
          const region = job(row.original)!.region
          if (region === NO_REGION) return <span className="faint">—</span>
          if (region === PRIMARY)
            return (
              <span title={primaryKey ? `${primaryKey} (primary region)` : 'primary region'}>primary</span>
            )
          return <span className="mono">{region}</span>
        },
      })
    cols.push(
      {
        id: 'deps',
        header: 'Depends on',
        meta: { width: multiRegion ? '20%' : '24%' },
        cell: ({ row }) => (
          <Deps deploymentId={deploymentId} deps={job(row.original)!.deps} linkSearch={linkSearch} />
        ),
      },
      {
        id: 'status',
        header: 'Status',
        meta: { width: '11%' },
        cell: ({ row }) => <StatusBadge status={job(row.original)!.status} size="sm" />,
      },
      {
        id: 'started',
        header: 'Started',
        meta: { width: '10%' },
        cell: ({ row }) => <RelativeTime value={job(row.original)!.startedAt} />,
      },
      {
        id: 'duration',
        header: 'Duration',
        meta: { width: '10%', align: 'right' },
        cell: ({ row }) => {
          const r = job(row.original)!
          return <LiveDuration start={iso(r.startedAt)} end={iso(r.finishedAt)} durationMs={r.durationMs} />
        },
      },
    )
    return cols
  }, [deploymentId, multiRegion, primaryKey, onSelect, linkSearch])

  return (
    <VirtualTable<TableItem>
      label="Jobs"
      data={items}
      columns={columns}
      getRowId={(item) => item.id}
      sort={sort}
      onSortChange={onSort}
      selectedId={selectedId}
      maxHeight="calc(100vh - 290px)"
      empty={empty}
      rowProps={(item) =>
        item.kind === 'job' ? { 'data-status': item.row.status } : { className: styles.groupRow }
      }
      fullWidth={(item) =>
        item.kind === 'group' ? (
          <span className={styles.group}>
            <button
              type="button"
              className={styles.groupToggle}
              aria-expanded={!item.collapsed}
              onClick={() => onToggleGroup(item.group.key)}
            >
              <span aria-hidden="true">{item.collapsed ? '▸' : '▾'}</span> {item.group.label}
            </button>
            <StatusBadge status={item.group.status} size="sm" />
            <span className="muted">{summariseCounts(item.group.counts)}</span>
          </span>
        ) : undefined
      }
    />
  )
}
