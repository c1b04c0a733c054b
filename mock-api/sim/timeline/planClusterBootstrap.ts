import { fluxBootstrapLines } from '../logs.ts'
import { KUBECONFIG_WAIT_MS, MIN, okEnd, S, WATCH_TIMEOUT_MS, type PlanContext } from './planContext.ts'
import { lifecycleJob } from './planOpenTofu.ts'
import type { PlannedJob } from './types.ts'

/**
 * PDM commit, then Flux bootstrap: cluster-bootstrap runs until the primary watcher sees HelmReleases. Its
 * successful end is W0, when the primary region's Phase-1 watch starts.
 */
export function planClusterBootstrap(
  ctx: PlanContext,
  output: PlannedJob,
  kubeconfigAt: Map<string, number | null>,
): PlannedJob {
  const { spec, between, event, ips, primary, fqdn } = ctx
  const outEnd = okEnd(output.attempts)
  const pdmAt = outEnd === null ? null : outEnd + Math.round(between('pdm', 1, 10) * S)
  if (outEnd !== null && pdmAt !== null) {
    event({
      at: outEnd + 200,
      phase: 'pdm-commit',
      level: 'info',
      message: `Publishing DNS records for ${fqdn} via pool-domain-manager (${ips.loadBalancer(primary.key)})…`,
    })
    event({
      at: pdmAt,
      phase: 'pdm-commit',
      level: 'info',
      message: `DNS published — ${fqdn} now resolves to ${ips.loadBalancer(primary.key)}.`,
    })
  }
  // The watcher waits 15 minutes for the primary kubeconfig; a later PUT is stored but arms nothing (Go:
  // runPhase1Watch has already run and given up, so the PUT's own launch is a no-op).
  const kcFile = kubeconfigAt.get(primary.key) ?? null
  const kcPrimary = kcFile !== null && pdmAt !== null && kcFile > pdmAt + KUBECONFIG_WAIT_MS ? null : kcFile
  const cbOutcome: 'ok' | 'no-kubeconfig' | 'no-reconcile' =
    kcPrimary === null ? 'no-kubeconfig' : spec.scenario === 'flux-not-reconciling' ? 'no-reconcile' : 'ok'
  const cbDur =
    pdmAt === null
      ? 0
      : cbOutcome === 'no-kubeconfig'
        ? KUBECONFIG_WAIT_MS
        : cbOutcome === 'no-reconcile'
          ? WATCH_TIMEOUT_MS
          : Math.max(Math.round(between('cb', 20, 60) * S), (kcPrimary ?? 0) + 15 * S - pdmAt)
  const retryCbDur = Math.round(between('cb-retry', 30, 60) * S)
  const cb = lifecycleJob(
    ctx,
    'cluster-bootstrap',
    'Bootstrap Cluster',
    ['tofu-output'],
    pdmAt,
    cbDur,
    cbOutcome !== 'ok',
    (i) =>
      i === 0 ? fluxBootstrapLines(cbDur, fqdn, cbOutcome) : fluxBootstrapLines(retryCbDur, fqdn, 'ok'),
  )
  cb.attempts = cb.attempts.map((a, i) => (i === 0 ? a : { ...a, end: a.start + retryCbDur }))
  cb.attempts.forEach((a, i) => {
    event({
      at: a.start,
      phase: 'flux-bootstrap',
      level: 'info',
      message: `Flux is reconciling clusters/${fqdn}/ from the GitOps repository${i > 0 ? ' (retry)' : ''}`,
    })
  })
  if (cbOutcome === 'no-reconcile' && cb.attempts[0]) {
    event({
      at: cb.attempts[0].start + 15 * MIN,
      phase: 'component',
      level: 'warn',
      message:
        'Phase 1 watch saw 0 HelmReleases in 15m0s; the bootstrap-kit Kustomization may not be reconciling — check `flux get kustomizations -A` on the new cluster',
    })
  }
  if (cbOutcome === 'no-kubeconfig' && cb.attempts[0]) {
    event({
      at: cb.attempts[0].end,
      phase: 'flux-bootstrap',
      level: 'error',
      message: 'kubeconfig never arrived from cloud-init after 15m0s (kubeconfig-missing)',
    })
  }
  const cbFirst = cb.attempts[0]
  if (cbFirst && !cbFirst.ok && cbOutcome === 'no-reconcile') {
    event({
      at: cbFirst.end,
      phase: 'component',
      level: 'error',
      message: 'Phase 1 watch timed out after 2h0m0s without observing a HelmRelease (flux-not-reconciling)',
    })
  }
  return cb
}
