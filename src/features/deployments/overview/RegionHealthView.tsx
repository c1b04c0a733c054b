/**
 * The overview's "Region health" card: per region, its install progress bar, nodes and degraded note.
 * Moved out of OverviewScreen.tsx to keep that file small; it shares the screen's CSS module.
 */
import { StatusBadge } from '../../../components/StatusBadge.tsx'
import type { RegionProgress } from './phaseTimeline.ts'
import styles from './OverviewScreen.module.css'

export function RegionHealthView({ regions }: { regions: RegionProgress[] }) {
  return (
    <section className={`card ${styles.card}`} aria-labelledby="regions-title">
      <h2 id="regions-title" className={styles.cardTitle}>
        Region health
      </h2>
      <ul className={styles.regions}>
        {regions.map((r) => (
          <li
            key={r.key}
            className={styles.region}
            aria-label={`Region ${r.key}`}
            data-degraded={r.degraded || undefined}
          >
            <div className={styles.regionHead}>
              <span className="mono">{r.key}</span>
              <span className="muted">{r.primary ? 'primary' : 'secondary'}</span>
              {r.degraded ? <StatusBadge status="degraded" label="Degraded" size="sm" /> : null}
              {r.primary && r.failed > 0 ? <StatusBadge status="failed" label="Failing" size="sm" /> : null}
            </div>
            <div
              className={styles.bar}
              role="progressbar"
              aria-label={`${r.key} installs`}
              aria-valuemin={0}
              aria-valuemax={Math.max(1, r.total)}
              aria-valuenow={r.ready}
              aria-valuetext={`${r.ready} of ${r.total} ready`}
            >
              <span style={{ width: `${r.total ? (100 * r.ready) / r.total : 0}%` }} />
            </div>
            <div className={styles.regionFacts}>
              <span>
                {r.ready}/{r.total} components ready
              </span>
              {r.nodesRequested ? (
                <span>
                  {r.nodesJoined ?? 0}/{r.nodesRequested} nodes
                </span>
              ) : null}
            </div>
            {r.degraded ? (
              <p className={styles.degradedNote}>
                {r.failed} component{r.failed === 1 ? '' : 's'} failed in this secondary region. The Sovereign
                keeps running on the other regions.
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
