import { SOVEREIGN_DNS_RECORDS } from '../../../src/contracts/deployments.ts'
import { stepLines } from '../logs.ts'
import { okEnd, S, type PlanContext } from './planContext.ts'
import { installJobName } from './planInstalls.ts'

/**
 * Once Phase 1 is ready at `tReady`: DNS and ClusterMesh events, the eight cutover steps after the
 * self-sovereign-cutover chart, then the three handover jobs. Returns the instant handover fires.
 */
export function planCutoverAndHandover(ctx: PlanContext, tReady: number): number {
  const { spec, between, event, jobs, primary, fqdn } = ctx
  event({
    at: tReady,
    phase: 'component',
    level: 'info',
    message: `Phase 1 complete: every HelmRelease is Ready across ${spec.regions.length} region(s)`,
  })
  SOVEREIGN_DNS_RECORDS.forEach((n, i) =>
    event({
      at: tReady + 2 * S + i * 300,
      phase: 'dns',
      level: 'info',
      message: `DNS record ${n}.${fqdn} published`,
    }),
  )
  if (spec.regions.length > 1) {
    const stem = fqdn.split('.')[0] ?? 'sovereign'
    event({
      at: tReady + 10 * S,
      phase: 'clustermesh',
      level: 'info',
      message: `Connecting Cilium ClusterMesh: ${spec.regions.map((r) => (r.primary ? `${stem}-mesh` : `${stem}-${r.cloudRegion.replace(/\d+/g, '')}`)).join(', ')}`,
    })
    event({
      at: tReady + 70 * S,
      phase: 'clustermesh',
      level: 'info',
      message: 'ClusterMesh connected: all clusters reachable',
    })
  }
  const cutoverChart = installJobName(primary, 'self-sovereign-cutover')
  const steps: [string, string, string[]][] = [
    [
      'gitea-mirror',
      'Mirror the GitOps repository into the Sovereign Gitea',
      ['mirrored 214 commits', 'default branch protected'],
    ],
    [
      'harbor-replicate',
      'Replicate platform images into Harbor',
      ['replicated 61 repositories', 'pull-through cache enabled'],
    ],
    [
      'flux-repoint',
      'Point Flux at the Sovereign Gitea',
      ['GitRepository flux-system/sovereign updated', 'reconciled in 4.2s'],
    ],
    ['dns-delegate', 'Delegate DNS to the Sovereign PowerDNS', ['NS records published', 'SOA serial bumped']],
    [
      'keycloak-realm',
      'Move identity to the Sovereign Keycloak',
      ['realm sovereign imported', 'owner account created'],
    ],
    [
      'tofu-state-archive',
      'Archive the OpenTofu state into OpenBao',
      ['state archived (412 KiB)', 'mothership copy sealed'],
    ],
    [
      'catalyst-api-handoff',
      'Hand the record over to the Sovereign catalyst-api',
      ['record imported', 'jobs store replayed'],
    ],
    ['verify', 'Verify self-sovereignty', ['no mothership dependency left', 'all checks passed']],
  ]
  let prev = cutoverChart
  let tCursor = Math.max(
    tReady + 30 * S,
    okEnd(jobs.find((j) => j.jobName === cutoverChart)?.attempts ?? []) ?? tReady,
  )
  steps.forEach(([slug, title, details], i) => {
    const jobName = `cutover-step-${String(i + 1).padStart(2, '0')}-${slug}`
    const dur = Math.round(between(jobName, 20, 60) * S)
    const attempts = [{ start: tCursor + 2 * S, end: tCursor + 2 * S + dur, ok: true }]
    tCursor = attempts[0]!.end
    jobs.push({
      jobName,
      displayName: `Cutover ${i + 1}/8: ${title}`,
      phase: 'cutover',
      kind: 'step',
      regionKey: primary.key,
      primaryRegion: true,
      dependsOn: [prev],
      observedAt: tReady,
      attempts,
      lines: () => stepLines(title, dur, details),
    })
    event({ at: attempts[0]!.start, phase: 'cutover', level: 'info', message: `${title}…` })
    prev = jobName
  })
  const handoverSteps: [string, string, number, number][] = [
    ['handover-publish-dns', 'Publish public DNS records', 5, 15],
    ['handover-wait-tls', 'Wait for the wildcard TLS certificate', 60, 180],
    ['handover-mint-token', 'Mint the handover token', 1, 3],
  ]
  for (const [jobName, title, lo, hi] of handoverSteps) {
    const dur = Math.round(between(jobName, lo, hi) * S)
    const attempts = [{ start: tCursor + S, end: tCursor + S + dur, ok: true }]
    tCursor = attempts[0]!.end
    jobs.push({
      jobName,
      displayName: title,
      phase: 'handover',
      kind: 'step',
      primaryRegion: true,
      dependsOn: [prev],
      observedAt: tReady,
      attempts,
      lines: () =>
        stepLines(
          title,
          dur,
          jobName === 'handover-wait-tls' ? ['certificate sovereign-wildcard-tls issued'] : [],
        ),
    })
    prev = jobName
  }
  event({
    at: tCursor,
    phase: 'handover-ready',
    level: 'info',
    message: `Sovereign ${fqdn} is ready to hand over — open https://console.${fqdn}/`,
  })
  return tCursor
}
