/**
 * HelmRelease states at `t`: the `componentStates` map of State and the components/state snapshots, out of
 * `derive.ts` (issue 14: files under ~450 lines).
 */
import { GO_ZERO_TIME, rfc3339Nano } from '../goTime.ts'
import type { Mutations, Timeline } from '../timeline/index.ts'
import { appIdOf, leafStates, type JobStatus } from '../derive.ts'

const HR_STATE: Record<JobStatus, string> = {
  pending: 'pending',
  running: 'installing',
  succeeded: 'installed',
  failed: 'failed',
}

export function componentStatesAt(tl: Timeline, t: number, mut: Mutations): Record<string, string> {
  const out: Record<string, string> = {}
  for (const l of leafStates(tl, t, mut)) {
    const appId = appIdOf(l.job)
    if (appId && l.job.kind === 'install') out[appId] = HR_STATE[l.status]
  }
  return out
}

export interface ComponentSnapshotWire {
  appId: string
  status: string
  helmReleaseName: string
  namespace: string
  lastTransitionAt: string
  message: string
  dependsOn?: string[]
}

/**
 * `GET /deployments/{id}/components/state` (Go `handler/jobs_backfill.go`, `helmwatch.ComponentSnapshot`).
 * With a watcher attached: its informer cache, one row per HelmRelease with the Ready condition's time and
 * message and `dependsOn` as sibling app ids (`bp-` stripped; absent when empty). Without one: Go's
 * fallback from the persisted `componentStates` — `bp-<appId>`, a zero time, no message, no dependencies.
 */
export function componentSnapshotsAt(
  tl: Timeline,
  t: number,
  mut: Mutations,
  watching: boolean,
): ComponentSnapshotWire[] {
  const installs = leafStates(tl, t, mut).filter((l) => l.job.kind === 'install' && l.job.chart)
  if (!watching) {
    return Object.entries(componentStatesAt(tl, t, mut)).map(([appId, status]) => ({
      appId,
      status,
      helmReleaseName: `bp-${appId}`,
      namespace: 'flux-system',
      lastTransitionAt: GO_ZERO_TIME,
      message: '',
    }))
  }
  return installs.map((l) => {
    const chart = l.job.chart!
    const prefix = l.job.primaryRegion ? '' : `${l.job.regionKey}:`
    // `install-<chart>` / `install-<region>:<chart>` of the same region → the chart.
    const deps = l.job.dependsOn.map((j) => j.slice(prefix ? j.indexOf(':') + 1 : 'install-'.length))
    const firstDep = deps[0]
    const message =
      l.status === 'pending'
        ? firstDep
          ? `dependency 'flux-system/bp-${firstDep}' is not ready`
          : 'HelmRelease observed, waiting for first reconcile'
        : l.status === 'running'
          ? "Running 'install' action with timeout of 15m0s"
          : l.status === 'succeeded'
            ? 'Helm install complete; Ready=True'
            : 'Helm install failed'
    const transition = l.status === 'pending' ? undefined : (l.finishedAt ?? l.startedAt)
    return {
      appId: appIdOf(l.job),
      status: HR_STATE[l.status],
      helmReleaseName: chart.helmRelease,
      namespace: 'flux-system',
      lastTransitionAt: transition === undefined ? GO_ZERO_TIME : rfc3339Nano(transition),
      message,
      ...(deps.length ? { dependsOn: deps.map((d) => `${prefix}${d}`) } : {}),
    }
  })
}
