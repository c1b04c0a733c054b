import { select } from 'd3-selection'
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom'
import { useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react'
import {
  edgeEndpoints,
  nestedLayout,
  type Box,
  type NestedLayoutConfig,
} from '../../../graph/nestedLayout.ts'
import type { NodeType } from '../cloudKinds.ts'
import type { Aggregate } from '../graphDensity.ts'
import type { TopoEdge, TopoNode } from '../toTopologyGraph.ts'
import { nodeCaption, nodeLabel } from '../topologyText.ts'
import styles from './TopologyGraph.module.css'

/** Leaf sizes per type, px at zoom 1 (wide enough for the usual names at 12 px). */
const LEAF: Partial<Record<NodeType, { w: number; h: number }>> = {
  Region: { w: 220, h: 56 },
  Cluster: { w: 200, h: 48 },
  LoadBalancer: { w: 190, h: 48 },
  Network: { w: 170, h: 48 },
  Bucket: { w: 300, h: 48 },
  PVC: { w: 124, h: 40 },
  Volume: { w: 124, h: 40 },
  Node: { w: 170, h: 44 },
  vCluster: { w: 150, h: 44 },
}

const COLUMNS: Record<string, number> = {
  'Cloud>Region': 4,
  'Cloud>Bucket': 3,
  'Region>Cluster': 1,
  'Region>Network': 2,
  'Region>Volume': 3,
  'Cluster>vCluster': 3,
  'Cluster>LoadBalancer': 2,
  'Cluster>NodePool': 1,
  'Cluster>Node': 2,
  'Cluster>PVC': 3,
  'NodePool>Node': 2,
}

export const TOPOLOGY_LAYOUT: NestedLayoutConfig = {
  leafSize: (kind) => LEAF[kind as NodeType] ?? { w: 170, h: 44 },
  kindOrder: [
    'Region',
    'Cluster',
    'vCluster',
    'LoadBalancer',
    'NodePool',
    'Node',
    'PVC',
    'Network',
    'Volume',
    'Bucket',
  ],
  columns: (container, child) => COLUMNS[`${container}>${child}`] ?? (container === '' ? 2 : 3),
  headerPx: 30,
  paddingPx: 10,
  gapPx: 8,
  minContainerW: 220,
}

const ALWAYS_DRAWN = new Set<TopoEdge['kind']>(['routes-to', 'peers-with'])

const MIN_ZOOM = 0.15
const MAX_ZOOM = 2.5

export interface TopologyGraphProps {
  /** Shown nodes → their nearest shown ancestor. */
  shown: ReadonlyMap<string, string | undefined>
  byId: ReadonlyMap<string, TopoNode>
  edges: readonly TopoEdge[]
  matches: ReadonlySet<string>
  selected: string | undefined
  onSelect: (id: string | undefined) => void
  /** "+N more" boxes the density control left (one per container and thinned type). */
  aggregates?: readonly Aggregate[]
  /** Focus mode on a node (F or double-click); Escape with nothing selected leaves it. */
  focused?: string | undefined
  onFocus?: (id: string | undefined) => void
  /** An aggregate was activated: show everything. */
  onShowAll?: () => void
}

/**
 * The architecture graph: nested boxes (regions containing clusters containing vClusters, load
 * balancers, pools and nodes; networks and volumes in the region) from the pure `nestedLayout`, relations
 * as lines, pan/zoom with d3-zoom. Every node is a button (one roving tab stop, arrow keys move, Enter
 * opens the details panel); the list view is the tabular mirror.
 */
export function TopologyGraph({
  shown,
  byId,
  edges,
  matches,
  selected,
  onSelect,
  aggregates = [],
  focused,
  onFocus,
  onShowAll,
}: TopologyGraphProps) {
  const aggregateById = useMemo(() => new Map(aggregates.map((a) => [a.id, a])), [aggregates])
  const layout = useMemo(() => {
    const nodes = [
      ...[...shown].map(([id, parent]) => ({ id, parent, kind: byId.get(id)!.type as string })),
      ...aggregates.map((a) => ({ id: a.id, parent: a.parent, kind: a.type })),
    ]
    return nestedLayout(nodes, TOPOLOGY_LAYOUT)
  }, [shown, byId, aggregates])
  const boxes = layout.boxes

  const viewportRef = useRef<HTMLDivElement>(null)
  const worldRef = useRef<HTMLDivElement>(null)
  const zoomRef = useRef<ZoomBehavior<HTMLDivElement, unknown> | undefined>(undefined)
  const transformRef = useRef<ZoomTransform>(zoomIdentity)
  const [zoomLevel, setZoomLevel] = useState(1)

  // A layout effect, declared before the fit below: the first fit needs the zoom behaviour in place.
  useLayoutEffect(() => {
    const vp = viewportRef.current
    const world = worldRef.current
    if (!vp || !world) return
    const z = zoom<HTMLDivElement, unknown>()
      .scaleExtent([MIN_ZOOM, MAX_ZOOM])
      .on('zoom', (e: { transform: ZoomTransform }) => {
        transformRef.current = e.transform
        // Imperative: panning must not re-render a few hundred nodes per frame.
        world.style.transform = `translate(${e.transform.x}px, ${e.transform.y}px) scale(${e.transform.k})`
      })
      .on('end', (e: { transform: ZoomTransform }) => setZoomLevel(e.transform.k))
    zoomRef.current = z
    const sel = select(vp)
    sel.call(z).on('dblclick.zoom', null)
    return () => {
      sel.on('.zoom', null)
    }
  }, [])

  const fit = () => {
    const vp = viewportRef.current
    const z = zoomRef.current
    if (!vp || !z || layout.width === 0) return
    const margin = 16
    const k = Math.max(
      MIN_ZOOM,
      Math.min(
        1,
        (vp.clientWidth - 2 * margin) / layout.width,
        (vp.clientHeight - 2 * margin) / layout.height,
      ),
    )
    const x = Math.max(margin, (vp.clientWidth - layout.width * k) / 2)
    select(vp).call(z.transform, zoomIdentity.translate(x, margin).scale(k))
  }
  const fitRef = useRef(fit)
  useLayoutEffect(() => {
    fitRef.current = fit
  })
  // Fit when the picture's shape changes (filters, new resources) — not when only a status changed, so
  // a refetch never throws away the operator's pan and zoom.
  const shapeKey = `${layout.boxes.length}:${Math.round(layout.width)}x${Math.round(layout.height)}`
  useLayoutEffect(() => {
    fitRef.current()
  }, [shapeKey])

  const zoomBy = (factor: number) => {
    const vp = viewportRef.current
    if (vp && zoomRef.current) select(vp).call(zoomRef.current.scaleBy, factor)
  }

  /** Pans so `box` is visible (keyboard focus moved off-screen). */
  const reveal = (box: Box) => {
    const vp = viewportRef.current
    const z = zoomRef.current
    if (!vp || !z) return
    const t = transformRef.current
    const sx = t.x + box.x * t.k
    const sy = t.y + box.y * t.k
    const visible =
      sx >= 0 && sy >= 0 && sx + box.w * t.k <= vp.clientWidth && sy + box.h * t.k <= vp.clientHeight
    if (!visible) select(vp).call(z.translateTo, box.x + box.w / 2, box.y + Math.min(box.h, 200) / 2)
  }

  // Roving tab stop over the boxes in layout (tree) order.
  const [activeId, setActiveId] = useState<string | undefined>(undefined)
  const activeIndex = Math.max(
    0,
    boxes.findIndex((b) => b.id === (activeId ?? selected)),
  )
  const elements = useRef(new Map<string, HTMLButtonElement>())
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = Number(e.currentTarget.dataset.i)
    let next: number | undefined
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = Math.min(boxes.length - 1, i + 1)
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = Math.max(0, i - 1)
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = boxes.length - 1
    else if (e.key === 'Escape' && selected) {
      e.preventDefault()
      onSelect(undefined)
      return
    } else if (e.key === 'Escape' && focused) {
      e.preventDefault()
      onFocus?.(undefined)
      return
    } else if ((e.key === 'f' || e.key === 'F') && !e.ctrlKey && !e.metaKey && !e.altKey) {
      const id = boxes[i]?.id
      if (id && !aggregateById.has(id)) {
        e.preventDefault()
        onFocus?.(id)
      }
      return
    }
    if (next === undefined) return
    e.preventDefault()
    const box = boxes[next]!
    setActiveId(box.id)
    elements.current.get(box.id)?.focus({ preventScroll: true })
    reveal(box)
  }

  const highlighted = useMemo(() => {
    if (!selected) return new Set<string>()
    return new Set(edges.filter((e) => e.source === selected || e.target === selected).map((e) => e.id))
  }, [edges, selected])
  // Storage relations (one per volume) would bury the picture: they show for the selected resource only.
  const drawnEdges = edges.filter(
    (e) =>
      layout.byId.has(e.source) &&
      layout.byId.has(e.target) &&
      (ALWAYS_DRAWN.has(e.kind) || highlighted.has(e.id)),
  )
  const containers = boxes.filter((b) => b.container)
  const leaves = boxes.filter((b) => !b.container)
  const indexOf = new Map(boxes.map((b, i) => [b.id, i]))

  const renderBox = (box: Box) => {
    const i = indexOf.get(box.id)!
    const style: CSSProperties = { left: box.x, top: box.y, width: box.w, height: box.h }
    const more = aggregateById.get(box.id)
    if (more)
      return (
        <button
          key={box.id}
          type="button"
          data-i={i}
          data-type={more.type}
          className={`${styles.node} ${styles.leaf} ${styles.more}`}
          style={style}
          tabIndex={i === activeIndex ? 0 : -1}
          aria-label={`+${more.count} more ${more.type} (show all)`}
          ref={(el) => {
            if (el) elements.current.set(box.id, el)
            else elements.current.delete(box.id)
          }}
          onFocus={() => setActiveId(box.id)}
          onKeyDown={onKeyDown}
          onClick={() => onShowAll?.()}
        >
          <span className={styles.name} aria-hidden="true">
            +{more.count} more
          </span>
        </button>
      )
    const node = byId.get(box.id)!
    return (
      <button
        key={box.id}
        type="button"
        data-i={i}
        data-type={node.type}
        data-status={node.status}
        className={`${styles.node} ${box.container ? styles.container : styles.leaf} ${
          selected === box.id ? styles.selected : ''
        } ${matches.has(box.id) || focused === box.id ? styles.match : ''}`}
        style={style}
        tabIndex={i === activeIndex ? 0 : -1}
        aria-label={nodeLabel(node)}
        aria-pressed={selected === box.id}
        ref={(el) => {
          if (el) elements.current.set(box.id, el)
          else elements.current.delete(box.id)
        }}
        onFocus={() => setActiveId(box.id)}
        onKeyDown={onKeyDown}
        onClick={() => onSelect(selected === box.id ? undefined : box.id)}
        onDoubleClick={() => onFocus?.(box.id)}
      >
        <span className={styles.head} aria-hidden="true">
          <span className={styles.name}>{node.name}</span>{' '}
          {box.container ? <span className={styles.sub}>{nodeCaption(node)}</span> : null}
          <span className={styles.dot} />
        </span>{' '}
        {!box.container ? (
          <span className={styles.sub} aria-hidden="true">
            {nodeCaption(node)}
          </span>
        ) : null}
      </button>
    )
  }

  return (
    <div className={styles.wrap}>
      <div className={styles.zoomBar}>
        <button type="button" className="btn btn-sm" onClick={() => zoomBy(1.25)} aria-label="Zoom in">
          +
        </button>
        <button type="button" className="btn btn-sm" onClick={() => zoomBy(0.8)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className="btn btn-sm" onClick={fit}>
          Fit
        </button>
        <span className={styles.zoomLevel} aria-live="off">
          {Math.round(zoomLevel * 100)}%
        </span>
      </div>
      <div
        ref={viewportRef}
        className={styles.viewport}
        role="group"
        aria-label="Architecture graph"
        aria-describedby="topology-graph-help"
      >
        <div ref={worldRef} className={styles.world} style={{ width: layout.width, height: layout.height }}>
          {containers.map(renderBox)}
          <svg
            className={styles.edges}
            width={layout.width}
            height={layout.height}
            aria-hidden="true"
            focusable="false"
          >
            {drawnEdges.map((e) => {
              const { x1, y1, x2, y2 } = edgeEndpoints(layout.byId.get(e.source)!, layout.byId.get(e.target)!)
              return (
                <line
                  key={e.id}
                  x1={x1}
                  y1={y1}
                  x2={x2}
                  y2={y2}
                  className={`${styles.edge} ${styles[`edge-${e.kind}`] ?? ''} ${
                    highlighted.has(e.id) ? styles.edgeOn : selected ? styles.edgeDim : ''
                  }`}
                />
              )
            })}
          </svg>
          {leaves.map(renderBox)}
        </div>
      </div>
      <p id="topology-graph-help" className="sr-only">
        Arrow keys move between resources, Enter shows details, Escape closes them. F focuses a resource and
        its neighbours; Escape leaves the focus. Drag to pan, scroll to zoom.
      </p>
    </div>
  )
}
