import { createContext, use, useId, useState, type ReactNode } from 'react'
import { AppLink } from '../../../components/AppLink.tsx'
import { PermissionNote } from '../../../components/PermissionNote.tsx'
import type { Infrastructure } from '../../../contracts/topology.ts'
import {
  changeTitle,
  describeRefusal,
  jobNameOf,
  type ChangeMark,
  type InfraChange,
  type InfraChangeRecord,
} from '../../../entities/topology/infraChanges.ts'
import { useCan } from '../../../entities/session/permissions.ts'
import { deleteChangeFor, listActionFor, markOf, markText, rowActionsFor } from '../cloudActions.ts'
import type { ListKind } from '../cloudKinds.ts'
import type { TopoNode } from '../toTopologyGraph.ts'
import { InfraChangeDialogs, type OpenDialog } from './InfraChangeDialogs.tsx'
import styles from './CloudActions.module.css'

interface Changes {
  records: readonly InfraChangeRecord[]
  submit: (c: InfraChange) => void
  retry: (r: InfraChangeRecord) => void
  dismiss: (r: InfraChangeRecord) => void
}

interface Ctx {
  deploymentId: string
  marks: ReadonlyMap<string, ChangeMark>
  open: (d: OpenDialog) => void
}

const CloudActionsContext = createContext<Ctx | undefined>(undefined)

/**
 * Holds the Day-2 dialogs (outside the virtualised rows, which come and go on scroll) and shows the
 * refusals (rolled back, with Retry) and the last accepted change with its job.
 */
export function CloudChanges({
  deploymentId,
  infra,
  marks,
  changes,
  children,
}: {
  deploymentId: string
  /** The topology as the API reports it (dialogs validate against it). */
  infra: Infrastructure
  marks: ReadonlyMap<string, ChangeMark>
  changes: Changes
  children: ReactNode
}) {
  const [dialog, setDialog] = useState<OpenDialog | undefined>(undefined)
  const refused = changes.records.filter((r) => r.state === 'refused')
  const last = changes.records.filter((r) => r.state === 'submitted').at(-1)
  return (
    <CloudActionsContext value={{ deploymentId, marks, open: setDialog }}>
      {refused.map((r) => (
        <div key={r.key} role="alert" className={styles.refusal}>
          <p>
            <strong>{changeTitle(r.change)} was refused.</strong> {describeRefusal(r.error, r.change)}
          </p>
          <div className={styles.noticeButtons}>
            <button type="button" className="btn btn-sm" onClick={() => changes.retry(r)}>
              Retry
            </button>
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => changes.dismiss(r)}>
              Dismiss
            </button>
          </div>
        </div>
      ))}
      <p role="status" className={styles.accepted}>
        {last?.response ? (
          <>
            {changeTitle(last.change)}: requested.{' '}
            <AppLink to={{ page: 'job', deploymentId, jobId: last.response.jobId }}>
              Open job {jobNameOf(last.response)}
            </AppLink>
          </>
        ) : null}
      </p>
      {children}
      <InfraChangeDialogs
        dialog={dialog}
        infra={infra}
        onClose={() => setDialog(undefined)}
        onSubmit={changes.submit}
      />
    </CloudActionsContext>
  )
}

/**
 * Every Day-2 button of the Cloud lists: a list's "Add …" (`list`) or a row's actions and pending mark
 * (`row`). One component, so gating them by role is one line here.
 */
export function CloudActions(props: { list: ListKind } | { row: TopoNode }) {
  const ctx = use(CloudActionsContext)
  // A session below the tier sees the list's Add button disabled with the reason, and no row actions.
  const may = useCan('infrastructure.change')
  const reasonId = useId()
  if (!ctx) return null
  if ('list' in props) {
    const action = listActionFor(props.list)
    if (!action) return null
    return (
      <div className={styles.toolbar}>
        <button
          type="button"
          className="btn btn-sm"
          disabled={!may.allowed}
          aria-describedby={may.allowed ? undefined : reasonId}
          onClick={() => ctx.open({ kind: action })}
        >
          {action === 'add-pool' ? 'Add node pool' : 'Add region'}
        </button>
        <PermissionNote id={reasonId} reason={may.reason} />
      </div>
    )
  }
  const n = props.row
  const mark = markOf(n, ctx.marks)
  const busy = mark && (mark.synthetic || mark.record.state === 'submitting')
  const what = n.type === 'Region' ? 'region' : 'node pool'
  return (
    <span className={styles.row}>
      {mark ? (
        <>
          <span className={styles.pending}>{markText(mark)}</span>
          {mark.record.response ? (
            <AppLink
              to={{ page: 'job', deploymentId: ctx.deploymentId, jobId: mark.record.response.jobId }}
              aria-label={`Job ${jobNameOf(mark.record.response)}`}
            >
              Job
            </AppLink>
          ) : null}
        </>
      ) : null}
      {busy || !may.allowed
        ? null
        : rowActionsFor(n).map((a) =>
            a === 'scale' && n.type === 'NodePool' ? (
              <button
                key={a}
                type="button"
                className="btn btn-sm"
                aria-label={`Scale ${what} ${n.name}`}
                onClick={() =>
                  ctx.open({
                    kind: 'scale-pool',
                    poolId: n.data.id,
                    name: n.name,
                    desiredSize: n.data.desiredSize,
                  })
                }
              >
                Scale
              </button>
            ) : a === 'delete' && mark?.verb !== 'delete' ? (
              <button
                key={a}
                type="button"
                className="btn btn-sm btn-ghost"
                aria-label={`Delete ${what} ${n.name}`}
                onClick={() => {
                  const change = deleteChangeFor(n)
                  if (change?.op === 'delete-pool' || change?.op === 'delete-region')
                    ctx.open({ kind: 'delete', change })
                }}
              >
                Delete
              </button>
            ) : null,
          )}
    </span>
  )
}
