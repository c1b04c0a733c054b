import { useQuery } from '@tanstack/react-query'
import {
  memo,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
} from 'react'
import { AppLink } from '../../components/AppLink.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ReplayBar, ReplayButton } from '../../components/replay/ReplayBar.tsx'
import { useReplay } from '../../components/replay/useReplay.ts'
import { EmptyState, ErrorState, Skeleton } from '../../components/States.tsx'
import { StatusBadge } from '../../components/StatusBadge.tsx'
import { splitJobId } from '../../contracts/jobs.ts'
import { jobsQueryOptions } from '../../entities/job/jobQueries.ts'
import { useDeploymentId } from '../../lib/deploymentScope.ts'
import { formatAtParam } from '../../lib/replayTime.ts'
import { formatDuration } from '../../lib/time.ts'
import { useNow } from '../../lib/useNow.ts'
import { deriveRows, rowsAsOf } from './jobRows.ts'
import { TimelineTable } from './timeline/TimelineTable.tsx'
import {
  fitTransform,
  ticks,
  timeExtent,
  timelineRows,
  zoomAt,
  type TimeTransform,
  type TimelineRow,
} from './timeline/timelineModel.ts'
import styles from './JobsTimelineScreen.module.css'

const ROW_PX = 26
const pad2 = (n: number) => String(n).padStart(2, '0')
function clock(ms: number, withSeconds: boolean): string {
  const d = new Date(ms)
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}${withSeconds ? `:${pad2(d.getSeconds())}` : ''}`
}

/**
 * `/…/jobs/timeline`: one row per job, grouped by phase and region, bars from start to finish (running bars
 * grow), the critical path highlighted, a zoomable time axis (buttons, Ctrl/⌘ + wheel, drag to pan), and
 * every bar a link to its job. The same data is offered as a table for assistive technology.
 */
export function JobsTimelineScreen() {
  const deploymentId = useDeploymentId()
  const jobs = useQuery(jobsQueryOptions(deploymentId))
  const rows = useMemo(() => deriveRows(jobs.data ?? []), [jobs.data])
  const live = rows.some((r) => r.status === 'running')
  const now = useNow(live ? 1000 : 60_000)
  const phaseDeps = useMemo(
    () =>
      new Map(
        (jobs.data ?? [])
          .filter((j) => j.type === 'group')
          .map((g) => [g.jobName, g.dependsOn.map((d) => splitJobId(d).jobName)] as const),
      ),
    [jobs.data],
  )
  const liveModel = useMemo(() => timelineRows(rows, now, phaseDeps), [rows, now, phaseDeps])
  // The axis always spans the whole run (scrubbing must not re-fit it); while replaying, the bars are the
  // jobs as they were at `?at=` and a cursor marks the instant.
  const extent = useMemo(() => timeExtent(liveModel.rows), [liveModel.rows])
  const replay = useReplay(deploymentId)
  // Scrubbing sets a new instant every frame; the slider follows at once, the bars when React has time.
  const snap = useDeferredValue(replay.snapshot)
  const model = useMemo(
    () => (snap ? timelineRows(rowsAsOf(rows, snap), snap.atMs, phaseDeps) : liveModel),
    [snap, rows, phaseDeps, liveModel],
  )
  const atSearch = replay.param.kind === 'at' ? { search: { at: formatAtParam(replay.param.ms) } } : {}

  const back = (
    <AppLink to={{ page: 'jobs', deploymentId, ...atSearch }} className={styles.back}>
      ← Back to jobs
    </AppLink>
  )
  const header = (actions?: ReactNode) => (
    <>
      {back}
      <PageHeader
        title="Jobs timeline"
        description="When each job ran. The critical path — the chain of dependencies that decided how long the run takes — is outlined."
        actions={
          <>
            {actions}
            <ReplayButton replay={replay} />
          </>
        }
      />
      <ReplayBar replay={replay} />
    </>
  )
  if (jobs.isPending)
    return (
      <>
        {header()}
        <Skeleton rows={10} label="Loading the timeline…" />
      </>
    )
  if (jobs.isError && !jobs.data)
    return (
      <>
        {header()}
        <ErrorState title="Jobs could not be loaded" error={jobs.error} onRetry={() => void jobs.refetch()} />
      </>
    )
  if (!extent)
    return (
      <>
        {header()}
        <EmptyState title="Nothing has run yet">Bars appear here as soon as the first job starts.</EmptyState>
      </>
    )
  return (
    <Timeline
      deploymentId={deploymentId}
      model={model}
      extent={extent}
      header={header}
      cursorMs={snap?.atMs}
      listSearch={atSearch}
    />
  )
}

function Timeline({
  deploymentId,
  model,
  extent,
  header,
  cursorMs,
  listSearch,
}: {
  deploymentId: string
  model: ReturnType<typeof timelineRows>
  extent: [number, number]
  header: (actions: ReactNode) => ReactNode
  /** The replayed instant (a vertical line), when replaying. */
  cursorMs: number | undefined
  listSearch: { search?: { at: string } }
}) {
  const chartRef = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(0)
  const [manual, setManual] = useState<TimeTransform | undefined>()
  const origin = extent[0]
  // Until the user zooms or pans, the view keeps fitting the (growing) run.
  const t = manual ?? fitTransform(extent, Math.max(200, width))
  const tRef = useRef(t)
  useEffect(() => {
    tRef.current = t
  })

  useEffect(() => {
    const el = chartRef.current
    if (!el) return
    const ro = new ResizeObserver(() => setWidth(el.clientWidth))
    ro.observe(el)
    setWidth(el.clientWidth)
    const onWheel = (e: WheelEvent) => {
      const rect = el.getBoundingClientRect()
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault()
        setManual(zoomAt(tRef.current, Math.exp(-e.deltaY * 0.002), e.clientX - rect.left))
      } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        e.preventDefault()
        const dx = e.deltaX || e.deltaY
        setManual({ ...tRef.current, offsetPx: tRef.current.offsetPx - dx })
      }
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => {
      ro.disconnect()
      el.removeEventListener('wheel', onWheel)
    }
  }, [])

  const drag = useRef<{ x: number; offset: number } | undefined>(undefined)
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest('a')) return
    drag.current = { x: e.clientX, offset: t.offsetPx }
    e.currentTarget.setPointerCapture(e.pointerId)
  }
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (d) setManual({ ...t, offsetPx: d.offset + (e.clientX - d.x) })
  }
  const onPointerUp = () => {
    drag.current = undefined
  }
  const zoom = (factor: number) => setManual(zoomAt(t, factor, width / 2))

  const x = (ms: number) => t.offsetPx + (ms - origin) * t.pxPerMs
  const axis = ticks(t, origin, 0, width)
  const criticalMs = model.rows.reduce(
    (sum, r) =>
      r.kind === 'job' && r.critical && r.startMs !== undefined
        ? sum + ((r.endMs ?? r.startMs) - r.startMs)
        : sum,
    0,
  )

  return (
    <>
      {header(
        <>
          <div className={styles.zoom} role="group" aria-label="Zoom">
            <button type="button" className="btn btn-sm" onClick={() => zoom(1 / 1.6)}>
              Zoom out
            </button>
            <button type="button" className="btn btn-sm" onClick={() => zoom(1.6)}>
              Zoom in
            </button>
            <button
              type="button"
              className="btn btn-sm"
              disabled={!manual}
              onClick={() => setManual(undefined)}
            >
              Fit
            </button>
          </div>
          <AppLink to={{ page: 'jobs', deploymentId, ...listSearch }} className="btn btn-sm">
            List
          </AppLink>
        </>,
      )}
      <p className={styles.summary}>
        <span className={styles.swatchCritical} aria-hidden="true" /> Critical path: {model.critical.length}{' '}
        {model.critical.length === 1 ? 'job' : 'jobs'}, {formatDuration(criticalMs)} of work ·{' '}
        <span className="muted">Ctrl/⌘ + wheel zooms, drag or Shift + wheel pans.</span>
      </p>
      <div className={styles.frame}>
        <div className={styles.head}>
          <div className={styles.labelHead}>Job</div>
          <div className={styles.axis} aria-hidden="true">
            {axis.map((tk) => (
              <span key={tk.ms} className={styles.tick} style={{ left: tk.px }}>
                {clock(tk.ms, tk.stepMs < 60_000)}
              </span>
            ))}
          </div>
        </div>
        <div className={styles.body}>
          <Labels rows={model.rows} />
          <div
            ref={chartRef}
            className={styles.chart}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            role="group"
            aria-label="Job bars"
            data-replay-at={cursorMs}
          >
            {axis.map((tk) => (
              <span key={tk.ms} className={styles.grid} style={{ left: tk.px }} aria-hidden="true" />
            ))}
            {model.rows.map((r, i) =>
              r.kind === 'job' ? (
                <Bar
                  key={r.row.id}
                  r={r}
                  top={i * ROW_PX}
                  left={r.startMs === undefined ? 0 : x(r.startMs)}
                  right={r.startMs === undefined ? 0 : x(r.endMs ?? r.startMs)}
                  deploymentId={deploymentId}
                  linkSearch={listSearch.search}
                />
              ) : (
                <div
                  key={rowKey(r)}
                  className={styles.band}
                  style={{ top: i * ROW_PX, height: ROW_PX }}
                  aria-hidden="true"
                />
              ),
            )}
            {cursorMs !== undefined ? (
              <span
                className={styles.cursor}
                // Moved by a transform: scrubbing re-composites the line instead of re-laying out the chart.
                style={{ transform: `translateX(${x(cursorMs)}px)`, height: model.rows.length * ROW_PX }}
                aria-hidden="true"
              />
            ) : null}
            <div style={{ height: model.rows.length * ROW_PX }} />
          </div>
        </div>
      </div>
      <TimelineTable rows={model.rows} />
    </>
  )
}

function rowKey(r: TimelineRow): string {
  return r.kind === 'job' ? r.row.id : `${r.kind}:${r.key}`
}

const labelOf = (r: TimelineRow) => (r.kind === 'job' ? r.row.jobName : r.label)
// The labels column only changes when rows come or go, not when a scrubbed instant re-lays their statuses.
const sameLabels = (a: { rows: readonly TimelineRow[] }, b: { rows: readonly TimelineRow[] }) =>
  a.rows.length === b.rows.length &&
  a.rows.every((r, i) => {
    const o = b.rows[i]!
    return r.kind === o.kind && rowKey(r) === rowKey(o) && labelOf(r) === labelOf(o)
  })

const Labels = memo(function Labels({ rows }: { rows: readonly TimelineRow[] }) {
  return (
    <div className={styles.labels}>
      {rows.map((r) => (
        <div key={rowKey(r)} className={`${styles.label} ${styles[r.kind]}`} style={{ height: ROW_PX }}>
          {r.kind === 'job' ? <span className={styles.jobLabel}>{labelOf(r)}</span> : labelOf(r)}
        </div>
      ))}
    </div>
  )
}, sameLabels)

interface BarProps {
  r: Extract<TimelineRow, { kind: 'job' }>
  top: number
  /** Pixel x of the start and of the end (or now / the replayed instant while running). */
  left: number
  right: number
  deploymentId: string
  /** `?at=` while replaying: the bar opens its job at the same instant. */
  linkSearch: { at: string } | undefined
}

// Scrubbing a replay re-derives every row each frame; only the bars whose look changed re-render.
const sameBar = (a: BarProps, b: BarProps) =>
  a.top === b.top &&
  a.left === b.left &&
  a.right === b.right &&
  a.deploymentId === b.deploymentId &&
  a.linkSearch?.at === b.linkSearch?.at &&
  a.r.row.id === b.r.row.id &&
  a.r.row.jobName === b.r.row.jobName &&
  a.r.row.status === b.r.row.status &&
  a.r.critical === b.r.critical &&
  a.r.startMs === b.r.startMs &&
  a.r.endMs === b.r.endMs

const Bar = memo(function Bar({ r, top, left, right, deploymentId, linkSearch }: BarProps) {
  const name = r.row.jobName
  if (r.startMs === undefined) {
    return (
      <span className={styles.pendingMark} style={{ top }}>
        <StatusBadge status={r.row.status} size="sm" />
      </span>
    )
  }
  const width = Math.max(3, right - left)
  const took = formatDuration((r.endMs ?? r.startMs) - r.startMs)
  const label = `${name}: ${r.row.status}, started ${clock(r.startMs, true)}, ${
    r.row.status === 'running' ? `running for ${took}` : `took ${took}`
  }${r.critical ? ', on the critical path' : ''}`
  return (
    <AppLink
      to={{ page: 'job', deploymentId, jobId: r.row.id, search: linkSearch }}
      className={`${styles.bar} ${styles[r.row.status]} ${r.critical ? styles.critical : ''}`}
      style={{ top: top + 4, left, width, height: ROW_PX - 8 }}
      aria-label={label}
      title={label}
      data-critical={r.critical ? 'true' : undefined}
    >
      {null}
    </AppLink>
  )
}, sameBar)
