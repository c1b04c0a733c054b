import { NODE_TYPES, type NodeType } from '../cloudKinds.ts'
import styles from './TypeChips.module.css'

/**
 * One toggle per node type present: "Type shown/total" (e.g. `LoadBalancer 3/3`). Types without any
 * resource get no chip, so a chip never reads `N/0`; pressing a chip hides or shows that type.
 */
export function TypeChips({
  counts,
  shownByKind,
  hidden,
  onToggle,
}: {
  counts: Record<NodeType, number>
  shownByKind: ReadonlyMap<string, number>
  hidden: ReadonlySet<NodeType>
  onToggle: (type: NodeType) => void
}) {
  return (
    <div className={styles.chips} role="group" aria-label="Resource types">
      {NODE_TYPES.filter((t) => counts[t] > 0).map((t) => {
        const on = !hidden.has(t)
        return (
          <button
            key={t}
            type="button"
            className={`${styles.chip} ${on ? '' : styles.off}`}
            data-type={t}
            aria-pressed={on}
            title={on ? `Hide ${t} resources` : `Show ${t} resources`}
            onClick={() => onToggle(t)}
          >
            <span className={styles.swatch} aria-hidden="true" />
            {t} {shownByKind.get(t) ?? 0}/{counts[t]}
          </button>
        )
      })}
    </div>
  )
}
