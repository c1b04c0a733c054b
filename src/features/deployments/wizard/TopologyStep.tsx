import { Field, SelectField } from './WizardFields.tsx'
import { PlatformOptions } from './PlatformOptions.tsx'
import {
  HETZNER_REGIONS,
  HETZNER_SKUS,
  MAX_REGIONS,
  MAX_WORKERS,
  MIN_WORKERS,
  defaultRegion,
  regionKeys,
  type RegionDraft,
  type StepErrors,
  type WizardDraft,
} from './wizardModel.ts'
import styles from './WizardScreen.module.css'

const BCP_OPTIONS = [
  { id: 'active-hotstandby', label: 'Active / hot standby' },
  { id: 'active-active', label: 'Active / active' },
] as const

export function TopologyStep({
  draft,
  errors,
  update,
}: {
  draft: WizardDraft
  errors: StepErrors
  update: (p: Partial<WizardDraft>) => void
}) {
  const keys = regionKeys(draft.regions)
  const setRegion = (i: number, patch: Partial<RegionDraft>) =>
    update({ regions: draft.regions.map((r, j) => (j === i ? { ...r, ...patch } : r)) })
  const unused = HETZNER_REGIONS.find((h) => !draft.regions.some((r) => r.cloudRegion === h.id))?.id ?? 'fsn1'
  return (
    <div className={styles.fields}>
      <p className="muted">
        The first region is the primary (control plane of the Sovereign&rsquo;s console); the others are
        secondaries. Region keys name each region in jobs, logs and dashboards.
      </p>
      {draft.regions.map((r, i) => (
        <fieldset key={i} className={styles.region}>
          <legend>
            Region {i + 1} ({i === 0 ? 'primary' : 'secondary'})
          </legend>
          <p className={styles.regionKey}>
            Region key: <output className="mono">{keys[i]}</output>
          </p>
          <div className={styles.regionGrid}>
            <SelectField
              label="Provider region"
              error={errors[`regions.${i}.cloudRegion`]}
              value={r.cloudRegion}
              options={HETZNER_REGIONS}
              onChange={(v) => setRegion(i, { cloudRegion: v })}
            />
            <SelectField
              label="Control-plane server"
              error={errors[`regions.${i}.controlPlaneSize`]}
              value={r.controlPlaneSize}
              options={HETZNER_SKUS}
              onChange={(v) => setRegion(i, { controlPlaneSize: v })}
            />
            <SelectField
              label="Worker server"
              error={errors[`regions.${i}.workerSize`]}
              value={r.workerSize}
              options={HETZNER_SKUS}
              onChange={(v) => setRegion(i, { workerSize: v })}
            />
            <Field label="Workers" error={errors[`regions.${i}.workerCount`]}>
              {(p) => (
                <input
                  {...p}
                  className="input"
                  type="number"
                  inputMode="numeric"
                  min={MIN_WORKERS}
                  max={MAX_WORKERS}
                  value={Number.isFinite(r.workerCount) ? r.workerCount : ''}
                  onChange={(e) =>
                    setRegion(i, { workerCount: e.target.value === '' ? NaN : Number(e.target.value) })
                  }
                />
              )}
            </Field>
          </div>
          {i > 0 ? (
            <button
              type="button"
              className="btn btn-sm btn-ghost"
              onClick={() => update({ regions: draft.regions.filter((_, j) => j !== i) })}
            >
              Remove region {i + 1}
            </button>
          ) : null}
        </fieldset>
      ))}
      {errors.regions ? <p className="field-error">{errors.regions}</p> : null}
      <div className={styles.row}>
        <button
          type="button"
          className="btn"
          disabled={draft.regions.length >= MAX_REGIONS}
          onClick={() =>
            update({ regions: [...draft.regions, { ...defaultRegion(unused), workerCount: 2 }] })
          }
        >
          Add region
        </button>
        {draft.regions.length > 1 ? (
          <SelectField
            label="Business continuity"
            value={draft.bcp}
            options={BCP_OPTIONS}
            onChange={(v) => update({ bcp: v as WizardDraft['bcp'] })}
          />
        ) : (
          <span className="muted">One region: single-region (no failover).</span>
        )}
      </div>
      <PlatformOptions draft={draft} update={update} />
    </div>
  )
}
