import { useId } from 'react'
import {
  TREEMAP_COLOR_BY,
  TREEMAP_SIZE_BY,
  type TreemapColorBy,
  type TreemapSizeBy,
} from '../../../contracts/treemap.ts'
import {
  COLOR_LABELS,
  DIMENSION_LABELS,
  SIZE_LABELS,
  addLayer,
  availableDimensions,
  removeLayer,
  setLayer,
} from '../treemapModel.ts'
import {
  MAX_LAYERS,
  type LayerDimension,
  type TreemapControls as Controls,
} from '../../../entities/treemap/treemapControls.ts'
import styles from './TreemapControls.module.css'

export interface ControlsChange {
  layers: LayerDimension[]
  size: TreemapSizeBy
  color: TreemapColorBy
}

/**
 * Layer 1…4 selects (a dimension used by one layer is not offered by another), + / − buttons, size and
 * colour selects. Capacity size metrics lock colour to utilisation, with the reason next to the select.
 */
export function TreemapControls({
  controls,
  onChange,
}: {
  controls: Controls
  onChange: (c: ControlsChange) => void
}) {
  const ids = useId()
  const lockId = `${ids}-lock`
  const { layers, size, color, colorLocked } = controls
  const change = (patch: Partial<ControlsChange>) => onChange({ layers, size, color, ...patch })
  const canAdd = layers.length < MAX_LAYERS && addLayer(layers).length > layers.length
  return (
    <div className={styles.bar}>
      <fieldset className={styles.layers}>
        <legend className="sr-only">Layers</legend>
        {layers.map((dim, i) => (
          <div key={i} className={styles.field}>
            <label className={styles.caption} htmlFor={`${ids}-layer-${i}`}>
              Layer {i + 1}
            </label>
            <select
              id={`${ids}-layer-${i}`}
              className="select"
              value={dim}
              onChange={(e) => change({ layers: setLayer(layers, i, e.target.value as LayerDimension) })}
            >
              {availableDimensions(layers, i).map((d) => (
                <option key={d} value={d}>
                  {DIMENSION_LABELS[d]}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className={styles.layerButtons}>
          <button
            type="button"
            className="btn btn-icon"
            aria-label="Add layer"
            title="Add layer"
            disabled={!canAdd}
            onClick={() => change({ layers: addLayer(layers) })}
          >
            +
          </button>
          <button
            type="button"
            className="btn btn-icon"
            aria-label="Remove layer"
            title="Remove layer"
            disabled={layers.length <= 1}
            onClick={() => change({ layers: removeLayer(layers) })}
          >
            −
          </button>
        </div>
      </fieldset>
      <div className={styles.field}>
        <label className={styles.caption} htmlFor={`${ids}-size`}>
          Size
        </label>
        <select
          id={`${ids}-size`}
          className="select"
          value={size}
          onChange={(e) => change({ size: e.target.value as TreemapSizeBy })}
        >
          {TREEMAP_SIZE_BY.map((s) => (
            <option key={s} value={s}>
              {SIZE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.field}>
        <label className={styles.caption} htmlFor={`${ids}-colour`}>
          Colour
        </label>
        <select
          id={`${ids}-colour`}
          className="select"
          value={color}
          disabled={colorLocked}
          aria-describedby={colorLocked ? lockId : undefined}
          title={colorLocked ? 'Capacity metrics are always coloured by utilisation' : undefined}
          onChange={(e) => change({ color: e.target.value as TreemapColorBy })}
        >
          {TREEMAP_COLOR_BY.map((c) => (
            <option key={c} value={c}>
              {COLOR_LABELS[c]}
            </option>
          ))}
        </select>
      </div>
      {colorLocked ? (
        <p id={lockId} className={styles.lock}>
          Colour is locked to utilisation: a capacity size ({SIZE_LABELS[size]}) shows how much was reserved,
          so the colour shows how much of it is used.
        </p>
      ) : null}
    </div>
  )
}
