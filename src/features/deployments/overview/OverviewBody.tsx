/**
 * The overview's body: the phase timeline (phase 0 steps, phase 1 per region, cutover and handover) beside
 * the region health and recent events cards. Moved out of OverviewScreen.tsx to keep that file small; it
 * shares the screen's CSS module.
 */
import { useMemo } from 'react'
import type { DeploymentState } from '../../../contracts/deployments.ts'
import {
  derivePhaseTimeline,
  type RegionProgress,
  type StepStatus,
  type TimelineStep,
} from './phaseTimeline.ts'
import { RecentEvents } from './RecentEvents.tsx'
import { RegionHealthView } from './RegionHealthView.tsx'
import type { DeploymentLogView } from './useDeploymentLog.ts'
import styles from './OverviewScreen.module.css'

const STEP_WORD: Record<StepStatus, string> = {
  done: 'done',
  running: 'in progress',
  pending: 'pending',
  failed: 'failed',
  degraded: 'degraded',
  stopped: 'stopped',
}

function StepIcon({ status }: { status: StepStatus }) {
  const glyph = { done: '✓', running: '●', pending: '○', failed: '✕', degraded: '!', stopped: '■' }[status]
  return (
    <span className={`${styles.stepIcon} ${styles[`step-${status}`]}`} aria-hidden="true">
      {glyph}
    </span>
  )
}

function Step({ step }: { step: TimelineStep }) {
  return (
    <li
      className={styles.step}
      data-status={step.status}
      aria-label={`${step.label}: ${STEP_WORD[step.status]}${step.detail ? `, ${step.detail}` : ''}`}
    >
      <StepIcon status={step.status} />
      <span className={styles.stepLabel}>{step.label}</span>
      <span className={styles.stepState}>
        {STEP_WORD[step.status]}
        {step.detail ? ` · ${step.detail}` : ''}
      </span>
    </li>
  )
}

/** Phase 1 as a whole: failed > running > stopped > pending; all settled → done (degraded if a secondary is). */
function rollupRegions(regions: RegionProgress[]): StepStatus {
  const st = regions.map((r) => r.status)
  if (st.length === 0) return 'pending'
  if (st.includes('failed')) return 'failed'
  if (st.every((s) => s === 'done' || s === 'degraded')) return st.includes('degraded') ? 'degraded' : 'done'
  if (st.includes('running')) return 'running'
  if (st.includes('stopped')) return 'stopped'
  return st.some((s) => s === 'done' || s === 'degraded') ? 'running' : 'pending'
}

export function OverviewBody({ record, live }: { record: DeploymentState; live: DeploymentLogView }) {
  const log = live.log
  const timeline = useMemo(() => derivePhaseTimeline(record, log), [record, log])
  const phase1Status = rollupRegions(timeline.regions)
  const ready = timeline.regions.reduce((s, r) => s + r.ready, 0)
  const total = timeline.regions.reduce((s, r) => s + r.total, 0)
  return (
    <div className={styles.grid}>
      <div className={styles.column}>
        <section className={`card ${styles.card}`} aria-labelledby="timeline-title">
          <h2 id="timeline-title" className={styles.cardTitle}>
            Progress
          </h2>
          <ol className={styles.timeline} aria-label="Phase timeline">
            <li className={styles.phase}>
              <h3 className={styles.phaseTitle}>Phase 0 — infrastructure</h3>
              <ol className={styles.steps}>
                {timeline.phase0.map((s) => (
                  <Step key={s.id} step={s} />
                ))}
              </ol>
            </li>
            <li className={styles.phase}>
              <h3 className={styles.phaseTitle}>
                Phase 1 — install the platform{' '}
                <span className={styles.stepState}>
                  {STEP_WORD[phase1Status]}
                  {total ? ` · ${ready}/${total} ready` : ''}
                </span>
              </h3>
              <ol className={styles.steps} aria-label="Install progress per region">
                {timeline.regions.map((r) => (
                  <li
                    key={r.key}
                    className={styles.step}
                    data-status={r.status}
                    aria-label={`${r.key} (${r.primary ? 'primary' : 'secondary'}): ${
                      r.total ? `${r.ready}/${r.total} ready, ` : ''
                    }${STEP_WORD[r.status]}`}
                  >
                    <StepIcon status={r.status} />
                    <span className={styles.stepLabel}>
                      <span className="mono">{r.key}</span>
                      <span className="muted"> {r.primary ? 'primary' : 'secondary'}</span>
                    </span>
                    <span className={styles.stepState}>
                      {r.total ? `${r.ready}/${r.total} ready` : STEP_WORD[r.status]}
                    </span>
                  </li>
                ))}
              </ol>
            </li>
            <li className={styles.phase}>
              <ol className={styles.steps}>
                <Step step={timeline.cutover} />
                <Step step={timeline.handover} />
              </ol>
            </li>
          </ol>
        </section>
        <RegionHealthView regions={timeline.regions} />
      </div>
      <RecentEvents events={live.log.events} total={live.log.total} />
    </div>
  )
}
