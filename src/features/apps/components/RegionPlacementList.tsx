import { StatusBadge } from '../../../components/StatusBadge.tsx'
import type { RegionPlacement } from '../appModel.ts'
import styles from './AppCard.module.css'

const REGION_LABELS: Record<RegionPlacement['status'], string> = {
  installed: 'Installed',
  installing: 'Installing',
  pending: 'Pending',
  degraded: 'Degraded',
  failed: 'Failed',
  absent: 'Not placed',
}

export function regionStatusLabel(s: RegionPlacement['status']): string {
  return REGION_LABELS[s]
}

/** Where an app runs: one entry per region of the deployment with that region's HelmRelease status. */
export function RegionPlacementList({
  regions,
  label,
  compact = false,
}: {
  regions: readonly RegionPlacement[]
  label: string
  compact?: boolean
}) {
  return (
    <ul className={`${styles.regions} ${compact ? styles.compact : ''}`} aria-label={label}>
      {regions.map((r) => (
        <li
          key={r.region}
          className={styles.region}
          data-region={r.region}
          data-status={r.status}
          aria-label={`${r.region}${r.primary ? ' (primary)' : ''}: ${REGION_LABELS[r.status]}`}
        >
          <span className={`${styles.regionName} mono`} aria-hidden="true">
            {r.region}
            {r.primary ? <span className={styles.primaryMark}> ★</span> : null}
          </span>
          <span aria-hidden="true">
            <StatusBadge
              status={r.status === 'absent' ? 'unknown' : r.status}
              label={REGION_LABELS[r.status]}
              size="sm"
            />
          </span>
        </li>
      ))}
    </ul>
  )
}
