import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { AppLink } from '../../../components/AppLink.tsx'
import { PageHeader } from '../../../components/PageHeader.tsx'
import { PermissionNote } from '../../../components/PermissionNote.tsx'
import { RelativeTime } from '../../../components/RelativeTime.tsx'
import { EmptyState, ErrorState, Skeleton } from '../../../components/States.tsx'
import { StatusBadge } from '../../../components/StatusBadge.tsx'
import type { FleetSovereign } from '../../../contracts/fleet.ts'
import { fleetQueryOptions } from '../../../entities/fleet/fleetQueries.ts'
import { useCan } from '../../../entities/session/permissions.ts'
import styles from './FleetScreen.module.css'

type Health = 'healthy' | 'degraded' | 'progress' | 'failing' | 'unknown'

/** The fleet's health colour in words (never colour alone); yellow is "degraded" once ready, else "in progress". */
export function fleetHealth(s: Pick<FleetSovereign, 'health' | 'status'>): Health {
  switch (s.health) {
    case 'green':
      return 'healthy'
    case 'red':
      return 'failing'
    case 'yellow':
      return s.status === 'ready' || s.status === 'adopted' ? 'degraded' : 'progress'
    default:
      return 'unknown'
  }
}

const HEALTH_VIEW: Record<Health, { label: string; tone: string; rank: number }> = {
  failing: { label: 'Failing', tone: 'failed', rank: 0 },
  degraded: { label: 'Degraded', tone: 'degraded', rank: 1 },
  progress: { label: 'In progress', tone: 'running', rank: 2 },
  unknown: { label: 'Unknown', tone: 'unknown', rank: 3 },
  healthy: { label: 'Healthy', tone: 'succeeded', rank: 4 },
}

/** `/app/dashboard` (mothership only): one tile per Sovereign, worst health first, and the fleet treemap. */
export function FleetScreen({ treemap }: { treemap?: ReactNode }) {
  const q = useQuery(fleetQueryOptions())
  const mayLaunch = useCan('deployment.launch')
  const items = [...(q.data?.sovereigns ?? [])].sort(
    (a, b) =>
      HEALTH_VIEW[fleetHealth(a)].rank - HEALTH_VIEW[fleetHealth(b)].rank ||
      (a.fqdn ?? a.id).localeCompare(b.fqdn ?? b.id),
  )
  const counts = items.reduce<Record<Health, number>>(
    (c, s) => ({ ...c, [fleetHealth(s)]: c[fleetHealth(s)] + 1 }),
    { healthy: 0, degraded: 0, progress: 0, failing: 0, unknown: 0 },
  )
  return (
    <>
      <PageHeader
        title="Fleet"
        description="Every Sovereign at a glance."
        actions={
          mayLaunch.allowed ? (
            <AppLink to={{ page: 'wizard' }} className="btn btn-primary">
              + New deployment
            </AppLink>
          ) : null
        }
      />
      <PermissionNote reason={mayLaunch.reason} />
      {q.isPending ? (
        <Skeleton rows={4} label="Loading the fleet…" />
      ) : q.isError && !q.data ? (
        <ErrorState title="Could not load the fleet" error={q.error} onRetry={() => void q.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title="No Sovereigns yet"
          action={
            mayLaunch.allowed ? (
              <AppLink to={{ page: 'wizard' }} className="btn btn-primary">
                Start the wizard
              </AppLink>
            ) : null
          }
        >
          Every Sovereign you provision appears here with its health.
        </EmptyState>
      ) : (
        <section aria-labelledby="fleet-tiles-title" className={styles.section}>
          <h2 id="fleet-tiles-title" className={styles.summary}>
            {items.length} Sovereign{items.length === 1 ? '' : 's'}
            <span className="muted">
              {' '}
              · {counts.healthy} healthy · {counts.degraded} degraded · {counts.progress} in progress ·{' '}
              {counts.failing} failing
              {counts.unknown ? ` · ${counts.unknown} unknown` : ''}
            </span>
          </h2>
          <ul className={styles.tiles} aria-label="Sovereigns">
            {items.map((s) => (
              <Tile key={s.id} s={s} />
            ))}
          </ul>
        </section>
      )}
      {treemap}
    </>
  )
}

function Tile({ s }: { s: FleetSovereign }) {
  const health = fleetHealth(s)
  const view = HEALTH_VIEW[health]
  const regions = s.regions?.length ? s.regions : s.region ? [s.region] : []
  const name = s.fqdn || s.id
  return (
    <li className={styles.tile} data-health={health} aria-label={name}>
      <div className={styles.tileHead}>
        <AppLink to={{ page: 'overview', deploymentId: s.id }} className={styles.name}>
          {name}
        </AppLink>
        <StatusBadge status={view.tone} label={view.label} size="sm" />
      </div>
      <dl className={styles.facts}>
        <dt>Status</dt>
        <dd>{s.status ? <StatusBadge status={s.status} size="sm" /> : '—'}</dd>
        <dt>Regions</dt>
        <dd className="mono">{regions.length ? regions.join(', ') : '—'}</dd>
        <dt>Provider</dt>
        <dd>{s.providerType ?? '—'}</dd>
        <dt>Created</dt>
        <dd>
          <RelativeTime value={s.createdAt} />
        </dd>
      </dl>
    </li>
  )
}
