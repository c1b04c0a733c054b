import { MIN, type PlanContext } from './planContext.ts'
import type { Attempt } from './types.ts'

/**
 * Kubeconfig postbacks: the primary usually lands before apply returns; secondaries 1–5 minutes later.
 * A PUT from outside (`PUT /kubeconfig`, the bearer from cloud-init) lands a region's file at its instant
 * when that is earlier than the simulated postback, or when the simulated one never comes.
 */
export function planKubeconfigs(ctx: PlanContext, applyOk: Attempt | undefined): Map<string, number | null> {
  const { spec, between, event } = ctx
  const kubeconfigAt = new Map<string, number | null>()
  const puts = ctx.mutations.kubeconfigPuts
  for (const r of spec.regions) {
    const put = puts?.get(r.key) ?? null
    if (!applyOk || (r.primary && spec.scenario === 'kubeconfig-missing')) {
      kubeconfigAt.set(r.key, put)
      continue
    }
    const applyDur = applyOk.end - applyOk.start
    const primaryAt = applyOk.start + Math.round(applyDur * between('kc-primary', 0.7, 0.92))
    const simulated = r.primary
      ? primaryAt
      : primaryAt + Math.round(between(`kc:${r.key}`, 1, 5) * MIN * Math.sqrt(r.index))
    kubeconfigAt.set(r.key, put === null ? simulated : Math.min(simulated, put))
  }
  for (const [rk, at] of kubeconfigAt) {
    if (at !== null) {
      event({
        at,
        phase: 'kubeconfig',
        level: 'info',
        message: `Kubeconfig received from cloud-init for region ${rk}`,
      })
    }
  }
  return kubeconfigAt
}
