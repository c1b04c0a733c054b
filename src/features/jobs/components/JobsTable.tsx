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

/** Readable dependency links (`cnpg`, `Terraform Plan`), three at most, the rest counted. */
const Deps = memo(function Deps({
  deploymentId,
  row,
  linkSearch,
}: {
  deploymentId: string
  row: JobRow
  linkSearch: Search | undefined
}) {
  if (!row.deps.length) return <span className="faint">—</span>
  const shown = row.deps.slice(0, 3)
  return (
    <span className={styles.deps} title={row.deps.map((d) => d.jobName).join(', ')}>
      {shown.map((d, i) => (
        <span key={d.id}>
          {i > 0 ? ', ' : null}
          <AppLink to={{ page: 'job', deploymentId, jobId: d.id, search: linkSearch }} title={d.jobName}>
            {d.label}
          </AppLink>
        </span>
      ))}
      {row.deps.length > shown.length ? (
        <span className="muted"> +{row.deps.length - shown.length} more</span>
      ) : null}
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
            <span className={styles.name}>
              <AppLink
                to={{ page: 'job', deploymentId, jobId: r.id, search: linkSearch }}
                className={styles.nameLink}
                onFocus={() => onSelect(r.id)}
                onClick={() => onSelect(r.id)}
              >
                {r.jobName}
              </AppLink>
              {r.displayName ? <span className={styles.display}> {r.displayName}</span> : null}
            </span>
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
          <Deps deploymentId={deploymentId} row={job(row.original)!} linkSearch={linkSearch} />
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
