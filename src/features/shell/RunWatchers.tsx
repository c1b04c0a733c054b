import { useQueries } from '@tanstack/react-query'
import { useRouter } from '@tanstack/react-router'
import { useEffect, useRef, useSyncExternalStore } from 'react'
import { isInFlightStatus } from '../../contracts/deployments.ts'
import { deploymentQueryOptions } from '../../entities/deployment/deploymentQueries.ts'
import { runSettled, type RunOutcome } from '../../entities/deployment/runSettled.ts'
import { useLinks } from '../../lib/modeContext.tsx'
import { notify } from '../../lib/notifications.ts'
import { runWatchesSnapshot, subscribeRunWatches, unwatchRun } from '../../lib/runWatches.ts'

/**
 * The opted-in deployments ("Notify me when this run finishes"), watched through their record query (the
 * same cache entry the overview polls). On settle: one browser notification when permitted (a click
 * focuses this window and opens the deployment), else an in-app bell notice; then the watch ends. Loaded
 * lazily by the shell once a watch exists (runWatchersWanted.ts); renders nothing while the list is empty.
 */
export function RunWatchers() {
  const ids = useSyncExternalStore(subscribeRunWatches, runWatchesSnapshot)
  const router = useRouter()
  const links = useLinks()
  const results = useQueries({ queries: ids.map((id) => deploymentQueryOptions(id)) })
  const seen = useRef(new Map<string, string>())
  const statuses = results.map((r) => r.data?.status ?? '').join('|')

  useEffect(() => {
    results.forEach((r, i) => {
      const id = ids[i]
      const d = r.data
      if (!id || !d) return
      const before = seen.current.get(id)
      seen.current.set(id, d.status)
      if (isInFlightStatus(d.status)) return
      // A watch is only ever added in flight: first seen settled means it settled while no tab watched.
      const outcome = runSettled(before ?? 'pending', d.status)
      unwatchRun(id)
      if (!outcome) return
      const fqdn = d.sovereignFQDN || id
      const path = links.to({ page: 'overview', deploymentId: id })
      announce(outcome, id, fqdn, d.status, () => void router.navigate({ to: path }), path)
    })
    // `statuses` stands for the results' data: re-run when a status changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [statuses, ids, links])
  return null
}

function announce(
  outcome: RunOutcome,
  id: string,
  fqdn: string,
  status: string,
  open: () => void,
  href: string,
): void {
  const title = outcome === 'finished' ? `${fqdn}: run finished` : `${fqdn}: run failed`
  const body =
    outcome === 'finished'
      ? `The deployment is ${status}.`
      : `The deployment ended ${status}. Open it to see which job failed.`
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    const n = new Notification(title, { body, tag: `catalyst-run-${id}` })
    n.onclick = () => {
      window.focus()
      open()
      n.close()
    }
    return
  }
  notify({
    id: `run-settled-${id}`,
    level: outcome === 'finished' ? 'success' : 'error',
    title,
    body,
    href,
    hrefLabel: 'Open the deployment',
    deploymentId: id,
    deploymentLabel: fqdn,
  })
}
