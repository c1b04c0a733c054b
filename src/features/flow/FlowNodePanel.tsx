import type { ReactNode } from 'react'
import { AppLink } from '../../components/AppLink.tsx'
import { RelativeTime } from '../../components/RelativeTime.tsx'
import { StatusBadge } from '../../components/StatusBadge.tsx'
import type { FlowModel, ModelNode } from '../../graph/model.ts'
import type { LinkTarget } from '../../lib/links.ts'
import { formatDuration } from '../../lib/time.ts'
import styles from './FlowScreen.module.css'

export interface FlowPanelActions {
  select(id: string): void
  toggleFold(id: string): void
  expandAll(id: string): void
  unfoldFailures(id: string): void
  copyId(id: string): void
  centre(id: string): void
  close(): void
}

export interface FlowNodePanelProps {
  model: FlowModel
  node: ModelNode
  /** Folded (group drawn as a bubble), or hidden inside one. */
  folded: boolean
  hiddenIn: string | undefined
  jobTarget: LinkTarget | undefined
  logTail: ReactNode
  actions: FlowPanelActions
}

function DepList({ ids, model, onSelect }: { ids: string[]; model: FlowModel; onSelect(id: string): void }) {
  if (ids.length === 0) return <p className="muted">None</p>
  return (
    <ul className={styles.depList}>
      {ids.map((id) => {
        const n = model.nodes.get(id)!
        return (
          <li key={id}>
            <button type="button" className="btn btn-sm" onClick={() => onSelect(id)}>
              {n.label}
              <StatusBadge status={n.status} size="sm" />
            </button>
          </li>
        )
      })}
    </ul>
  )
}

/** Details of the selected node: facts, dependencies, actions and (for a job) the live log tail. */
export function FlowNodePanel({
  model,
  node,
  folded,
  hiddenIn,
  jobTarget,
  logTail,
  actions,
}: FlowNodePanelProps) {
  const isGroup = node.isGroup
  const parent = node.parentId ? model.nodes.get(node.parentId) : undefined
  const phase = model.nodes.get(node.rootId)
  const upstream = model.deps.filter((d) => d.toId === node.id).map((d) => d.fromId)
  const downstream = model.deps.filter((d) => d.fromId === node.id).map((d) => d.toId)
  const { startedAt, endedAt } = node.data
  const c = node.counts
  return (
    <aside className={styles.panel} aria-label={`Details of ${node.label}`}>
      <div className={styles.panelHeader}>
        <h2 className={styles.panelTitle}>{node.label}</h2>
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          aria-label="Close details"
          onClick={actions.close}
        >
          ✕
        </button>
      </div>
      <div>
        <StatusBadge status={node.status} />
      </div>
      <dl className={styles.facts}>
        <dt>{isGroup ? 'Group id' : 'Job id'}</dt>
        <dd className="mono">{node.id}</dd>
        {node.region ? (
          <>
            <dt>Region</dt>
            <dd>{node.region}</dd>
          </>
        ) : null}
        {phase && phase.id !== node.id ? (
          <>
            <dt>Phase</dt>
            <dd>{phase.label}</dd>
          </>
        ) : null}
        {parent && parent.id !== phase?.id ? (
          <>
            <dt>Group</dt>
            <dd>{parent.label}</dd>
          </>
        ) : null}
        {isGroup ? (
          <>
            <dt>Jobs</dt>
            <dd>
              {node.leafCount} — {c.succeeded} succeeded, {c.running} running, {c.failed} failed, {c.pending}{' '}
              pending
            </dd>
          </>
        ) : null}
        <dt>Started</dt>
        <dd>
          <RelativeTime value={startedAt} />
        </dd>
        <dt>Finished</dt>
        <dd>
          <RelativeTime value={endedAt} fallback={startedAt ? 'not yet' : '—'} />
        </dd>
        {startedAt && endedAt ? (
          <>
            <dt>Duration</dt>
            <dd>{formatDuration(endedAt - startedAt)}</dd>
          </>
        ) : null}
      </dl>
      {hiddenIn ? (
        <p className="muted">Inside the folded group {model.nodes.get(hiddenIn)?.label ?? hiddenIn}.</p>
      ) : null}
      <div className={styles.actions}>
        {jobTarget ? (
          <AppLink to={jobTarget} className="btn btn-primary btn-sm">
            Open job
          </AppLink>
        ) : null}
        {isGroup && node.children.length > 0 ? (
          <>
            <button type="button" className="btn btn-sm" onClick={() => actions.toggleFold(node.id)}>
              {folded ? 'Unfold' : 'Fold'}
            </button>
            <button type="button" className="btn btn-sm" onClick={() => actions.expandAll(node.id)}>
              Expand all under here
            </button>
            {c.failed > 0 ? (
              <button type="button" className="btn btn-sm" onClick={() => actions.unfoldFailures(node.id)}>
                Unfold failures
              </button>
            ) : null}
          </>
        ) : null}
        <button type="button" className="btn btn-sm" onClick={() => actions.centre(node.id)}>
          Zoom to node
        </button>
        <button type="button" className="btn btn-sm" onClick={() => actions.copyId(node.id)}>
          Copy id
        </button>
      </div>
      {!isGroup ? (
        <>
          <h3 className={styles.sectionTitle}>Depends on</h3>
          <DepList ids={upstream} model={model} onSelect={actions.select} />
          <h3 className={styles.sectionTitle}>Needed by</h3>
          <DepList ids={downstream} model={model} onSelect={actions.select} />
        </>
      ) : null}
      {logTail}
    </aside>
  )
}
