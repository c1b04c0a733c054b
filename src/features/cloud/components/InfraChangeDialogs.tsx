import { useId, useState, type FormEvent } from 'react'
import { Dialog } from '../../../components/Dialog.tsx'
import { TypedConfirmDialog } from '../../../components/TypedConfirmDialog.tsx'
import type { Infrastructure } from '../../../contracts/topology.ts'
import {
  HETZNER_REGIONS,
  HETZNER_SKUS,
  MAX_WORKERS,
  MIN_WORKERS,
} from '../../../entities/catalog/hetznerCatalog.ts'
import {
  deletePreview,
  poolNameProblem,
  sizeProblem,
  type InfraChange,
} from '../../../entities/topology/infraChanges.ts'
import styles from './CloudActions.module.css'

/** Which dialog is open, with what it needs. */
export type OpenDialog =
  | { kind: 'add-pool' }
  | { kind: 'scale-pool'; poolId: string; name: string; desiredSize: number }
  | { kind: 'delete'; change: Extract<InfraChange, { op: 'delete-pool' | 'delete-region' }> }
  | { kind: 'add-region' }

interface Props {
  dialog: OpenDialog | undefined
  infra: Infrastructure
  onClose: () => void
  onSubmit: (c: InfraChange) => void
}

/** The Day-2 dialogs; each submits at once and closes (the row shows the change while it is sent). */
export function InfraChangeDialogs({ dialog, infra, onClose, onSubmit }: Props) {
  const submit = (c: InfraChange) => {
    onSubmit(c)
    onClose()
  }
  if (dialog?.kind === 'delete') {
    const pool = dialog.change.op === 'delete-pool'
    const what = pool ? 'node pool' : 'region'
    return (
      <TypedConfirmDialog
        open
        onOpenChange={(o) => !o && onClose()}
        title={`Delete ${what} ${dialog.change.name}`}
        description={`The ${what} and everything in it are removed from the cloud. This cannot be undone.`}
        confirmText={dialog.change.name}
        confirmLabel={`Delete ${what}`}
        onConfirm={() => submit(dialog.change)}
      >
        <ul className={styles.preview} aria-label="What is removed">
          {deletePreview(infra, dialog.change).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </TypedConfirmDialog>
    )
  }
  return (
    <Dialog
      open={!!dialog}
      onOpenChange={(o) => !o && onClose()}
      title={
        dialog?.kind === 'add-pool'
          ? 'Add node pool'
          : dialog?.kind === 'add-region'
            ? 'Add region'
            : `Scale node pool ${dialog?.kind === 'scale-pool' ? dialog.name : ''}`
      }
    >
      {dialog?.kind === 'add-pool' ? (
        <AddPoolForm infra={infra} onSubmit={submit} onCancel={onClose} />
      ) : null}
      {dialog?.kind === 'scale-pool' ? (
        <ScaleForm pool={dialog} onSubmit={submit} onCancel={onClose} />
      ) : null}
      {dialog?.kind === 'add-region' ? (
        <AddRegionForm infra={infra} onSubmit={submit} onCancel={onClose} />
      ) : null}
    </Dialog>
  )
}

function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string
  error?: string | undefined
  hint?: string
  children: (p: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => React.ReactNode
}) {
  const id = useId()
  const note = error ?? hint
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(note ? { 'aria-describedby': `${id}-note` } : {}),
      })}
      {note ? (
        <span id={`${id}-note`} className={error ? 'field-error' : 'field-hint'}>
          {note}
        </span>
      ) : null}
    </div>
  )
}

/** A pool's or region's worker count, bounded as the wizard bounds it. */
function WorkerCountField({
  label,
  value,
  onChange,
  error,
  hint = `${MIN_WORKERS} to ${MAX_WORKERS}.`,
}: {
  label: string
  value: string
  onChange: (v: string) => void
  error: string | undefined
  hint?: string
}) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(p) => (
        <input
          {...p}
          className="input"
          type="number"
          min={MIN_WORKERS}
          max={MAX_WORKERS}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  )
}

function Buttons({ label, onCancel }: { label: string; onCancel: () => void }) {
  return (
    <div className={styles.dialogButtons}>
      <button type="button" className="btn" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="btn btn-primary">
        {label}
      </button>
    </div>
  )
}

function SkuSelect(p: { id: string; value: string; onChange: (v: string) => void }) {
  return (
    <select id={p.id} className="select" value={p.value} onChange={(e) => p.onChange(e.target.value)}>
      {HETZNER_SKUS.map((s) => (
        <option key={s.id} value={s.id}>
          {s.label}
        </option>
      ))}
    </select>
  )
}

function AddPoolForm({
  infra,
  onSubmit,
  onCancel,
}: {
  infra: Infrastructure
  onSubmit: (c: InfraChange) => void
  onCancel: () => void
}) {
  const clusters = infra.topology.regions.flatMap((r) => r.clusters.map((c) => ({ c, region: r.name })))
  const [clusterId, setClusterId] = useState(clusters[0]?.c.id ?? '')
  const [name, setName] = useState('')
  const [sku, setSku] = useState('cpx32')
  const [size, setSize] = useState('3')
  const [checked, setChecked] = useState(false)
  const target = clusters.find((x) => x.c.id === clusterId)
  const nameError = poolNameProblem(name.trim(), target?.c.nodePools.map((p) => p.name) ?? [])
  const sizeError = sizeProblem(Number(size), MIN_WORKERS, MAX_WORKERS)
  const onForm = (e: FormEvent) => {
    e.preventDefault()
    setChecked(true)
    if (nameError || sizeError || !target) return
    onSubmit({
      op: 'add-pool',
      clusterId,
      body: { name: name.trim(), role: 'worker', sku, region: target.region, desiredSize: Number(size) },
    })
  }
  return (
    <form noValidate onSubmit={onForm} className={styles.form} aria-label="Add node pool">
      <Field label="Cluster">
        {(p) => (
          <select {...p} className="select" value={clusterId} onChange={(e) => setClusterId(e.target.value)}>
            {clusters.map(({ c, region }) => (
              <option key={c.id} value={c.id}>
                {c.name} ({region})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Name"
        error={checked ? nameError : undefined}
        hint="Lower-case letters, digits and dashes."
      >
        {(p) => (
          <input
            {...p}
            className="input mono"
            value={name}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <Field label="Server type">{(p) => <SkuSelect id={p.id} value={sku} onChange={setSku} />}</Field>
      <WorkerCountField
        label="Nodes"
        value={size}
        onChange={setSize}
        error={checked ? sizeError : undefined}
      />
      <Buttons label="Add node pool" onCancel={onCancel} />
    </form>
  )
}

function ScaleForm({
  pool,
  onSubmit,
  onCancel,
}: {
  pool: { poolId: string; name: string; desiredSize: number }
  onSubmit: (c: InfraChange) => void
  onCancel: () => void
}) {
  const [size, setSize] = useState(String(pool.desiredSize))
  const [checked, setChecked] = useState(false)
  const n = Number(size)
  const error =
    sizeProblem(n, MIN_WORKERS, MAX_WORKERS) ??
    (n === pool.desiredSize ? `The pool already wants ${n} nodes.` : undefined)
  const onForm = (e: FormEvent) => {
    e.preventDefault()
    setChecked(true)
    if (error) return
    onSubmit({ op: 'scale-pool', poolId: pool.poolId, name: pool.name, desiredSize: n })
  }
  return (
    <form noValidate onSubmit={onForm} className={styles.form} aria-label={`Scale ${pool.name}`}>
      <WorkerCountField
        label="Nodes"
        value={size}
        onChange={setSize}
        error={checked ? error : undefined}
        hint={`Now ${pool.desiredSize}; ${MIN_WORKERS} to ${MAX_WORKERS}.`}
      />
      <Buttons label="Scale" onCancel={onCancel} />
    </form>
  )
}

function AddRegionForm({
  infra,
  onSubmit,
  onCancel,
}: {
  infra: Infrastructure
  onSubmit: (c: InfraChange) => void
  onCancel: () => void
}) {
  const used = new Set(infra.topology.regions.map((r) => r.providerRegion))
  const [region, setRegion] = useState(HETZNER_REGIONS.find((r) => !used.has(r.id))?.id ?? 'fsn1')
  const [skuCP, setSkuCP] = useState('cpx42')
  const [skuWorker, setSkuWorker] = useState('cpx32')
  const [workers, setWorkers] = useState('3')
  const [checked, setChecked] = useState(false)
  const error = sizeProblem(Number(workers), MIN_WORKERS, MAX_WORKERS)
  const onForm = (e: FormEvent) => {
    e.preventDefault()
    setChecked(true)
    if (error) return
    onSubmit({
      op: 'add-region',
      body: { region, skuCP, skuWorker, workerCount: Number(workers) },
      knownRegionIds: infra.topology.regions.map((r) => r.id),
    })
  }
  return (
    <form noValidate onSubmit={onForm} className={styles.form} aria-label="Add region">
      <Field label="Location">
        {(p) => (
          <select {...p} className="select" value={region} onChange={(e) => setRegion(e.target.value)}>
            {HETZNER_REGIONS.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Control-plane server type">
        {(p) => <SkuSelect id={p.id} value={skuCP} onChange={setSkuCP} />}
      </Field>
      <Field label="Worker server type">
        {(p) => <SkuSelect id={p.id} value={skuWorker} onChange={setSkuWorker} />}
      </Field>
      <WorkerCountField
        label="Workers"
        value={workers}
        onChange={setWorkers}
        error={checked ? error : undefined}
      />
      <Buttons label="Add region" onCancel={onCancel} />
    </form>
  )
}
