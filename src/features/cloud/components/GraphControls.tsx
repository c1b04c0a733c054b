import styles from './TypeChips.module.css'

/**
 * The graph's density slider (`?density=`, 5 % steps) and, in focus mode (`?focus=`), what is focused and a
 * "Clear focus" button. The status line says how many resources the graph shows, so screen-reader users
 * hear what density and focus did.
 */
export function GraphControls({
  density,
  onDensity,
  focusName,
  onClearFocus,
  shown,
  total,
}: {
  density: number
  onDensity: (density: number) => void
  focusName: string | undefined
  onClearFocus: () => void
  shown: number
  total: number
}) {
  return (
    <div className={styles.controls}>
      <label className={styles.density}>
        Density
        <input
          type="range"
          min={0}
          max={100}
          step={5}
          value={density}
          aria-valuetext={`${density}%`}
          onChange={(e) => onDensity(Number(e.target.value))}
        />
        <span aria-hidden="true">{density}%</span>
      </label>
      {focusName !== undefined ? (
        <button type="button" className="btn btn-sm" onClick={onClearFocus}>
          Clear focus
        </button>
      ) : null}
      <p className={styles.shown} role="status">
        Showing {shown} of {total} resources{focusName !== undefined ? ` · focus on ${focusName}` : ''}
      </p>
    </div>
  )
}
