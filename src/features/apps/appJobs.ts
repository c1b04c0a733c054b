/**
 * Which jobs belong to an app, and the window of log lines shown on its page. Pure.
 *
 * Install jobs are named `install-<slug>` (primary region) and `install-<region>:<slug>` (secondary
 * regions); their `appId` is the same key as `componentStates` (`cilium`, `nbg1-1:cilium`).
 */
import { parseInstallJobName, type Job } from '../../contracts/jobs.ts'
import { parseComponentKey, type RegionPlacement } from './appModel.ts'

/** What the readers need of a job; `appId` may be `""` (Go: no component) or absent (older fixtures). */
type AppJobFields = Pick<Job, 'jobName' | 'type'> & { appId?: string | undefined; kind?: string | undefined }

/**
 * The chart an install job installs. Only installs count: other jobs carry other `appId`s (a Day-2 mutation's
 * is its XRC kind, `pool`), never an app's.
 */
function slugOfJob(job: AppJobFields): string | undefined {
  const install = parseInstallJobName(job.jobName)
  if (job.appId && (install || job.kind === 'install')) return parseComponentKey(job.appId).slug
  return install?.chart
}

/** The leaf jobs of one app (groups never), primary region first, then by region key and name. */
export function appJobs<J extends AppJobFields & Pick<Job, 'region'>>(jobs: readonly J[], slug: string): J[] {
  return jobs
    .filter((j) => j.type !== 'group' && slugOfJob(j) === slug)
    .sort(
      (a, b) =>
        Number(!!a.region) - Number(!!b.region) ||
        (a.region ?? '').localeCompare(b.region ?? '') ||
        a.jobName.localeCompare(b.jobName),
    )
}

/** The install job of one placement (`install-cilium` / `install-nbg1-1:cilium`). */
export function jobForPlacement<J extends AppJobFields>(
  jobs: readonly J[],
  placement: Pick<RegionPlacement, 'componentKey'>,
): J | undefined {
  const name = `install-${placement.componentKey}`
  return (
    jobs.find((j) => j.type !== 'group' && j.jobName === name) ??
    jobs.find((j) => j.type !== 'group' && j.appId === placement.componentKey)
  )
}

/**
 * The job whose log the app page shows: the primary region's install job, else the first placement's
 * (a chart that only runs in secondary regions).
 */
export function primaryInstallJob<J extends AppJobFields>(
  jobs: readonly J[],
  placements: readonly Pick<RegionPlacement, 'componentKey' | 'primary' | 'status'>[],
): J | undefined {
  const ordered = [...placements].sort((a, b) => Number(b.primary) - Number(a.primary))
  for (const p of ordered) {
    if (p.status === 'absent') continue
    const j = jobForPlacement(jobs, p)
    if (j) return j
  }
  return undefined
}
