import type { TimedLine } from '../logs.ts'
import { tofuApplyLines, tofuInitLines, tofuOutputLines, tofuPlanLines } from '../logs.ts'
import { hashString, seededRandom } from '../rng.ts'
import { attemptsFor, okEnd, S, type PlanContext } from './planContext.ts'
import { planKubeconfigs } from './planKubeconfigs.ts'
import type { PlannedJob } from './types.ts'

/** One Phase-0 job (`phase: provisioner`), observed from t0, its attempts from `readyAt` plus retries. */
export function lifecycleJob(
  ctx: PlanContext,
  jobName: string,
  displayName: string,
  dependsOn: string[],
  readyAt: number | null,
  durationMs: number,
  failFirst: boolean,
  lines: (attempt: number) => TimedLine[],
): PlannedJob {
  const { jobs, t0 } = ctx
  const retries = ctx.mutations.retries
  const job: PlannedJob = {
    jobName,
    displayName,
    phase: 'provisioner',
    kind: 'lifecycle',
    primaryRegion: true,
    dependsOn,
    observedAt: t0,
    attempts: attemptsFor(readyAt, durationMs, failFirst, retries.get(jobName), durationMs),
    lines,
  }
  jobs.push(job)
  return job
}

/**
 * Phase 0, OpenTofu: init → plan → apply (kubeconfig postbacks land while apply runs) → output. Returns the
 * output job (cluster-bootstrap waits on it) and when each region's kubeconfig arrived.
 */
export function planOpenTofu(ctx: PlanContext): {
  output: PlannedJob
  kubeconfigAt: Map<string, number | null>
} {
  const { spec, seed, t0, between, event, lineEvents, ips, primary, fqdn } = ctx
  const resources = spec.regions.map((r) => ({ key: r.key, workers: r.workerCount }))
  const initDur = Math.round(between('tofu-init', 10, 40) * S)
  const init = lifecycleJob(ctx, 'tofu-init', 'Terraform Init', [], t0 + S, initDur, false, () =>
    tofuInitLines(initDur),
  )
  event({ at: t0 + S, phase: 'tofu-init', level: 'info', message: 'Initialising OpenTofu working directory' })
  lineEvents(init, 'tofu')

  const planDur = Math.round(between('tofu-plan', 20, 60) * S)
  const plan = lifecycleJob(
    ctx,
    'tofu-plan',
    'Terraform Plan',
    ['tofu-init'],
    okEnd(init.attempts),
    planDur,
    false,
    () => tofuPlanLines(planDur, resources),
  )
  if (plan.attempts[0]) {
    event({
      at: plan.attempts[0].start,
      phase: 'tofu-plan',
      level: 'info',
      message: 'Planning Hetzner resources (network, firewall, server, LB, DNS)',
    })
  }
  lineEvents(plan, 'tofu')

  const failTofu = spec.scenario === 'failing-tofu-apply'
  const failRegion = spec.regions[spec.regions.length - 1]?.key
  // Timing first (cheap); the OpenTofu text is generated from the same seed only when someone reads it.
  const applyRand = (attempt: number) => seededRandom(hashString(`${seed}:apply:${attempt}`))
  const applyFirst = tofuApplyLines(resources, applyRand(0), failTofu ? failRegion : undefined, false)
  const applyRetry = tofuApplyLines(resources, applyRand(1), undefined, false)
  const applyText: TimedLine[][] = []
  const apply = lifecycleJob(
    ctx,
    'tofu-apply',
    'Terraform Apply',
    ['tofu-plan'],
    okEnd(plan.attempts),
    applyFirst.durationMs,
    failTofu,
    (i) =>
      (applyText[i === 0 ? 0 : 1] ??=
        i === 0
          ? tofuApplyLines(resources, applyRand(0), failTofu ? failRegion : undefined).lines
          : tofuApplyLines(resources, applyRand(1)).lines),
  )
  // attemptsFor used the first duration for retries too; retried applies print their own (successful) run.
  apply.attempts = apply.attempts.map((a, i) =>
    i === 0 ? a : { ...a, end: a.start + applyRetry.durationMs },
  )
  apply.attempts.forEach((a) =>
    event({
      at: a.start,
      phase: 'tofu-apply',
      level: 'info',
      message: 'Applying — this provisions real Hetzner resources, please wait',
    }),
  )
  lineEvents(apply, 'tofu')
  const applyFail = apply.attempts[0] && !apply.attempts[0].ok ? apply.attempts[0] : undefined
  if (applyFail) {
    event({
      at: applyFail.end,
      phase: 'tofu-apply',
      level: 'error',
      message: 'tofu apply failed: resource_limit_exceeded: server limit reached for project (limit: 10)',
    })
  }
  const applyOk = apply.attempts.find((a) => a.ok)
  const kubeconfigAt = planKubeconfigs(ctx, applyOk)

  const outDur = Math.round(between('tofu-output', 2, 5) * S)
  const output = lifecycleJob(
    ctx,
    'tofu-output',
    'Terraform Output',
    ['tofu-apply'],
    okEnd(apply.attempts),
    outDur,
    false,
    () => tofuOutputLines(outDur, ips.loadBalancer(primary.key), ips.controlPlane, fqdn),
  )
  if (output.attempts[0]) {
    event({
      at: output.attempts[0].start,
      phase: 'tofu-output',
      level: 'info',
      message: 'Reading OpenTofu outputs',
    })
  }
  lineEvents(output, 'tofu')
  return { output, kubeconfigAt }
}
