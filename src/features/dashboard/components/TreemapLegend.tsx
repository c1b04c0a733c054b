import type { TreemapColorBy } from '../../../contracts/treemap.ts'
import { colorFor, type ScalePalette } from '../../../graph/colorScale.ts'
import { COLOR_EXPLANATIONS, COLOR_LABELS } from '../treemapModel.ts'
import styles from './TreemapLegend.module.css'

const TICKS: Record<TreemapColorBy, [string, string, string]> = {
  utilization: ['0%', '50%', '100%+'],
  health: ['0% ready', '50%', '100% ready'],
  age: ['new', '15 days', '30+ days'],
}

/** The colour scale in use: gradient with its three stops, and the "no data" swatch. */
export function TreemapLegend({ color, palette }: { color: TreemapColorBy; palette: ScalePalette }) {
  // Sampled from the same scale the cells use (a CSS gradient would interpolate differently).
  const stops = Array.from({ length: 11 }, (_, i) => `${colorFor(color, i * 10, palette)} ${i * 10}%`).join(
    ', ',
  )
  const [t0, t1, t2] = TICKS[color]
  return (
    <figure className={styles.legend} aria-label={`Colour legend: ${COLOR_LABELS[color]}`}>
      <figcaption className={styles.caption}>
        <strong>{COLOR_LABELS[color]}</strong>{' '}
        <span className={styles.muted}>— {COLOR_EXPLANATIONS[color]}</span>
      </figcaption>
      <div className={styles.scale}>
        <div
          className={styles.gradient}
          style={{ background: `linear-gradient(90deg, ${stops})` }}
          aria-hidden="true"
        />
        <div className={styles.ticks}>
          <span>{t0}</span>
          <span>{t1}</span>
          <span>{t2}</span>
        </div>
      </div>
      <div className={styles.none}>
        <span className={styles.swatch} style={{ background: palette.none }} aria-hidden="true" />
        No data
      </div>
    </figure>
  )
}
