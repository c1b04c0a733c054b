/**
 * "Per-component install monitoring is unavailable" (regression 49): raised where the apps of a run are
 * watched when catalyst-api cannot say how each component is doing — the run is in Phase 1, yet
 * `GET /components/state` is refused (an older build without the endpoint, helm-watch unconfigured) or
 * answers that no watcher is attached. Statuses then come only from the log stream and may lag.
 */
import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { componentsStateQueryOptions } from '../../entities/deployment/componentsStateQueries.ts'
import { isApiError } from '../../lib/http.ts'
import { linkTo } from '../../lib/links.ts'
import { useMode, useSurface } from '../../lib/modeContext.tsx'
import { notify } from '../../lib/notifications.ts'

/** Pure: whether the notice applies, from the deployment status and the components/state answer. */
export function componentMonitoringUnavailable(
  status: string | undefined,
  answer: { watching?: boolean | undefined } | undefined,
  error: unknown,
): boolean {
  if (status !== 'phase1-watching') return false
  // A lapsed session is the sign-in flow's business, not a monitoring gap.
  if (error) return !(isApiError(error) && error.status === 401)
  return answer !== undefined && answer.watching === false
}

/** Raises the notice once per deployment (mothership only: the notice's surface). */
export function useComponentMonitoringNotice(
  deploymentId: string,
  status: string | undefined,
  fqdn: string | undefined,
): void {
  const mode = useMode()
  const applies = useSurface('componentMonitoringUnavailable')
  const inPhase1 = status === 'phase1-watching'
  const components = useQuery({
    ...componentsStateQueryOptions(deploymentId),
    enabled: applies && inPhase1 && deploymentId !== '',
  })
  const unavailable =
    applies &&
    !components.isPending &&
    componentMonitoringUnavailable(status, components.data, components.isError ? components.error : undefined)
  useEffect(() => {
    if (!unavailable) return
    notify({
      id: `component-monitoring-unavailable:${deploymentId}`,
      surface: 'componentMonitoringUnavailable',
      deploymentId,
      deploymentLabel: fqdn,
      level: 'warn',
      title: 'Per-component install monitoring is unavailable',
      body: `catalyst-api cannot report each component's install state for ${fqdn || deploymentId} right now; app statuses follow the log and may lag. Refreshing the install watch in Settings re-attaches it.`,
      href: linkTo(mode.mode, { page: 'settings', deploymentId }),
      hrefLabel: 'Open Settings',
    })
  }, [unavailable, deploymentId, fqdn, mode.mode])
}
