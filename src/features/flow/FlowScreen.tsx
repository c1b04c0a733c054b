import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { Dialog } from '../../components/Dialog.tsx'
import { EmptyState, ErrorState, Skeleton } from '../../components/States.tsx'
import { statusLabel } from '../../components/StatusBadge.tsx'
import { applyHighlight, buildDrawScene } from '../../canvas/drawScene.ts'
import {
  depthParam,
  effectiveFolded,
  expandAllUnder,
  foldSubtree,
  reveal,
  setFolded,
  toggleFold,
  unfoldFailures,
} from '../../graph/foldState.ts'
import type { FlowModel } from '../../graph/model.ts'
import { visibleFor, type FoldView } from '../../graph/visibility.ts'
import { isApiError } from '../../lib/http.ts'
import { bareJobName } from '../../lib/links.ts'
import { useLinks } from '../../lib/modeContext.tsx'
import { useGoTo } from '../../lib/routeSearch.ts'
import { FlowCanvas, type FlowCanvasHandle } from './FlowCanvas.tsx'
import { FlowContextMenu, type FlowMenuActions, type FlowMenuTarget } from './FlowContextMenu.tsx'
import { FlowLegend } from './FlowLegend.tsx'
import { FlowNodePanel } from './FlowNodePanel.tsx'
import { FlowOutline } from './FlowOutline.tsx'
import { summaryOf } from './flowSummary.ts'
import { FlowToolbar } from './FlowToolbar.tsx'
import { useFlowTestHook } from './useFlowTestHook.ts'
import { useFlowTheme } from './useFlowTheme.ts'
import { useFlowUrlView } from './useFlowUrlView.ts'
import { useFlowModel, useFlowScene } from './useFlowModel.ts'
import { useFlowStream } from './useFlowStream.ts'
import { useForceLayout } from './useForceLayout.ts'
import { useReplayedFlowState } from './useReplayedFlowState.ts'
import styles from './FlowScreen.module.css'

export interface FlowNodeSelection {
  deploymentId: string
  /** Full job id (`<deploymentId>:<jobName>`). */
  jobId: string
  /** Bare job name (`install-nbg1-1:cilium`), what the jobs API and job pages take. */
  jobName: string
}

export interface FlowScreenProps {
  deploymentId: string
  /** Extra content for a selected job's side panel (the jobs feature's live log tail), composed by the route. */
  renderNodePanel?: (sel: FlowNodeSelection) => ReactNode
}

/**
 * The provisioning graph of one deployment: phases left to right, one lane per region, every job a node
 * coloured by status, groups folding into rolled-up bubbles, dependencies as arrows — live from the flow
 * stream. URL state (`?depth`, `?folded`, `?selected`, `?focus`, `?at`) is shared with the jobs page.
 */
export function FlowScreen({ deploymentId, renderNodePanel }: FlowScreenProps) {
  const links = useLinks()
  const flow = useFlowStream(deploymentId)
  const { model, stale: modelStale } = useFlowModel(useReplayedFlowState(deploymentId, flow.state))
  const url = useFlowUrlView(deploymentId, model)
  const { search, tokenOf, idOf, depth, folded, view, selectedId } = url
  const { updateSearch, foldedParam, applyView, select, jobTarget } = url
  const layout = useForceLayout(model)
  const theme = useFlowTheme()
  const canvas = useRef<FlowCanvasHandle>(null)
  const mountedAt = useRef(0)
  const [query, setQuery] = useState('')
  const [matchCursor, setMatchCursor] = useState(-1)
  const [showOutline, setShowOutline] = useState(true)
  const [showLegend, setShowLegend] = useState(true)
  const [showDiagnostics, setShowDiagnostics] = useState(false)
  const [announcement, setAnnouncement] = useState('')

  const milestones = useRef<{ data?: number; layout?: number }>({})
  useEffect(() => {
    mountedAt.current = performance.now()
  }, [])
  useEffect(() => {
    if (flow.state && milestones.current.data === undefined) milestones.current.data = performance.now()
  }, [flow.state])
  useEffect(() => {
    if (layout.positions && milestones.current.layout === undefined)
      milestones.current.layout = performance.now()
  }, [layout.positions])

  const { scene, outline, stale: sceneStale } = useFlowScene(model, view)
  // The model or scene of the latest data/view is still being built (each in a task of its own).
  const derivedPending = modelStale || sceneStale
  const ds = useMemo(
    () =>
      scene && layout.positions && layout.geometry
        ? buildDrawScene(scene, layout.positions, layout.geometry)
        : undefined,
    [scene, layout.positions, layout.geometry],
  )

  const selectedVisible = scene && selectedId ? visibleFor(scene, selectedId) : undefined

  const q = query.trim().toLowerCase()
  const matches = useMemo(() => {
    if (!model || !q) return []
    const out: string[] = []
    for (const n of model.nodes.values())
      if (n.label.toLowerCase().includes(q) || n.id.toLowerCase().includes(q)) out.push(n.id)
    return out
  }, [model, q])

  // Highlight flags are rewritten in place on the draw scene; the token tells the canvas to repaint.
  const highlightVersion = useMemo(() => {
    if (!ds || !scene) return undefined
    const sel = selectedVisible !== undefined ? (ds.index.get(selectedVisible) ?? -1) : -1
    const drawn = new Set<number>()
    for (const id of matches) {
      const v = visibleFor(scene, id)
      const i = v === undefined ? undefined : ds.index.get(v)
      if (i !== undefined) drawn.add(i)
    }
    applyHighlight(ds, { selected: sel, matches: drawn, searching: q.length > 0 })
    return {}
  }, [ds, scene, selectedVisible, matches, q])

  const goTo = useGoTo()
  const openJob = useCallback((id: string) => goTo(jobTarget(id)), [goTo, jobTarget])

  const copyId = useCallback((id: string) => {
    const done = () => setAnnouncement(`Copied ${id}`)
    const fail = () => setAnnouncement('Could not copy to the clipboard')
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(id).then(done, fail)
    else fail()
  }, [])

  const foldOps = useMemo(() => {
    const run = (f: (m: FlowModel, v: FoldView, id: string) => FoldView) => (id: string) => {
      if (model) applyView(f(model, view, id))
    }
    return {
      toggleFold: run(toggleFold),
      foldSubtree: run(foldSubtree),
      expandAll: run(expandAllUnder),
      unfoldFailures: run(unfoldFailures),
      foldParent: (id: string) => {
        const parent = model?.nodes.get(id)?.parentId
        if (model && parent) applyView(setFolded(model, view, parent, true), { selected: tokenOf(parent) })
      },
    }
  }, [model, view, applyView, tokenOf])

  /** Double-click / Enter: a job opens its page, a group folds or unfolds (only that group). */
  const activate = useCallback(
    (id: string) => {
      const n = model?.nodes.get(id)
      if (!n) return
      if (!n.isGroup) openJob(id)
      else if (n.children.length > 0) foldOps.toggleFold(id)
    },
    [model, openJob, foldOps],
  )

  const toggleFromKeyboard = useCallback(
    (id: string) => {
      const n = model?.nodes.get(id)
      if (!n) return
      // Space on a job folds the group it belongs to.
      if (n.children.length > 0) foldOps.toggleFold(id)
      else if (n.parentId) foldOps.foldParent(id)
    },
    [model, foldOps],
  )

  const escape = useCallback(() => {
    if (query) {
      setQuery('')
      setMatchCursor(-1)
    } else select(undefined)
  }, [query, select])

  // Changing the level (Depth select, or the empty-canvas menu) re-fits once the new scene is drawn.
  const pendingFit = useRef(false)
  useEffect(() => {
    if (!pendingFit.current || !ds || ds.count < (scene?.nodes.length ?? 0)) return
    pendingFit.current = false
    canvas.current?.fit()
  }, [ds, scene])

  // ?focus=<id> (the job page's "Show in graph"): unfold its groups, select it, then centre it.
  const pendingCentre = useRef<string | undefined>(undefined)
  useEffect(() => {
    const token = search.focus
    if (!token || !model) return
    const id = idOf(token)
    if (!model.nodes.has(id)) return
    pendingCentre.current = id
    const v = reveal(model, view, id)
    updateSearch({
      depth: depthParam(v.depth),
      folded: foldedParam(v),
      selected: tokenOf(id),
      focus: undefined,
    })
  }, [search.focus, model, view, idOf, updateSearch, foldedParam, tokenOf])

  useEffect(() => {
    const id = pendingCentre.current
    if (!id || !ds || !scene) return
    const v = visibleFor(scene, id)
    if (v === undefined || !ds.index.has(v)) return
    pendingCentre.current = undefined
    canvas.current?.centreOn(v, Math.max(canvas.current.camera().k, 0.9))
  }, [ds, scene])

  const goToMatch = (delta: number) => {
    if (!matches.length || !model) return
    const next = (matchCursor + delta + matches.length) % matches.length
    setMatchCursor(next)
    const id = matches[next]!
    pendingCentre.current = id
    const v = reveal(model, view, id)
    if (v !== view) applyView(v, { selected: tokenOf(id) })
    else select(id)
    const drawnId = scene ? visibleFor(scene, id) : undefined
    if (v === view && drawnId && ds?.index.has(drawnId)) {
      pendingCentre.current = undefined
      canvas.current?.centreOn(drawnId)
    }
  }

  const menuTargetOf = useCallback(
    (id: string | undefined): FlowMenuTarget | undefined => {
      const n = id ? model?.nodes.get(id) : undefined
      if (!n || !scene) return undefined
      const parent = n.parentId ? model!.nodes.get(n.parentId) : undefined
      return {
        id: n.id,
        label: n.label,
        kind: n.isGroup ? 'group' : 'job',
        folded: scene.byId.get(n.id)?.folded ?? false,
        foldable: n.children.length > 0,
        hasFailures: n.counts.failed > 0,
        parentLabel: parent?.label,
        newTabHref: n.isGroup ? undefined : links.href(jobTarget(n.id)),
      }
    },
    [model, scene, links, jobTarget],
  )

  const menuActions: FlowMenuActions = {
    ...foldOps,
    openJob,
    copyId,
    fit: () => canvas.current?.fit(),
    setDepth: (d) => {
      pendingFit.current = true
      applyView({ depth: d, folded: new Set() })
    },
  }

  useFlowTestHook({
    scene,
    ds,
    model,
    layout,
    flow,
    selectedId,
    canvas,
    mountedAt,
    milestones,
    derivedPending,
  })

  if (!model) {
    if (flow.error) {
      if (isApiError(flow.error) && flow.error.status === 404)
        return (
          <EmptyState title="No graph yet">
            This deployment has no jobs to draw yet. The graph appears as soon as provisioning starts.
          </EmptyState>
        )
      return <ErrorState title="The graph could not be loaded" error={flow.error} onRetry={flow.retry} />
    }
    return <Skeleton rows={8} label="Loading the graph…" />
  }

  const selectedNode = selectedId ? model.nodes.get(selectedId) : undefined
  const effective = effectiveFolded(model, view)
  const depthValue = depth === 'all' || depth > model.maxGroupDepth ? 'all' : String(depth)
  const customFolds = folded.size > 0
  const layoutPending = derivedPending || layout.pending || !ds || ds.count < (scene?.nodes.length ?? 0)
  const describe = (id: string) => {
    const n = scene?.byId.get(id)
    if (!n) return id
    const bits = [statusLabel(n.status)]
    if (n.folded) bits.push(`${n.hiddenCount} ${n.hiddenCount === 1 ? 'job' : 'jobs'}`)
    if (n.region) bits.push(n.region)
    return `${n.label}\n${bits.join(' · ')}`
  }
  const jobName = selectedNode
    ? typeof selectedNode.data.meta?.jobName === 'string'
      ? selectedNode.data.meta.jobName
      : bareJobName(deploymentId, selectedNode.id)
    : ''

  return (
    <section className={styles.screen} aria-label="Provisioning graph">
      <FlowToolbar
        query={query}
        onQuery={(v) => {
          setQuery(v)
          setMatchCursor(-1)
        }}
        matchCount={q ? matches.length : undefined}
        matchCursor={matchCursor}
        onMatch={goToMatch}
        depthValue={customFolds ? 'custom' : depthValue}
        maxGroupDepth={model.maxGroupDepth}
        customFoldCount={customFolds ? effective.size : 0}
        onDepth={(d) => {
          pendingFit.current = true
          applyView({ depth: d, folded: new Set() })
        }}
        onResetFolds={() => applyView({ depth, folded: new Set() })}
        onZoom={(f) => canvas.current?.zoomBy(f)}
        onFit={() => canvas.current?.fit()}
        canZoomToSelection={!!selectedVisible}
        onZoomToSelection={() =>
          selectedVisible && canvas.current?.centreOn(selectedVisible, Math.max(1, canvas.current.camera().k))
        }
        diagnostics={model.diagnostics.length}
        onShowDiagnostics={() => setShowDiagnostics(true)}
        outlineShown={showOutline}
        onToggleOutline={() => setShowOutline((v) => !v)}
        legendShown={showLegend}
        onToggleLegend={() => setShowLegend((v) => !v)}
        stream={flow.stream}
        onReconnect={flow.reconnect}
      />
      <p className={styles.summary} role="status" aria-live="polite" aria-label="Graph summary">
        {summaryOf(model)}
      </p>
      {search.focus && !model.nodes.has(idOf(search.focus)) ? (
        <p className="muted" role="alert">
          {search.focus} is not in this graph.
        </p>
      ) : null}
      <div className={styles.body}>
        <div id="flow-outline" className={styles.outline} hidden={!showOutline}>
          <h2 className={styles.outlineTitle}>Outline</h2>
          <FlowOutline
            rows={outline}
            selectedId={selectedVisible ?? selectedId}
            onSelect={(id) => {
              select(id)
              canvas.current?.reveal(id)
            }}
            onActivate={activate}
            onSetFolded={(id, f) => applyView(setFolded(model, view, id, f), { selected: tokenOf(id) })}
          />
        </div>
        <div className={styles.stage}>
          <FlowCanvas
            ref={canvas}
            drawScene={ds}
            highlightVersion={highlightVersion}
            theme={theme}
            label={`Provisioning graph, ${scene?.nodes.length ?? 0} nodes and ${scene?.edges.length ?? 0} dependencies shown`}
            selectedId={selectedVisible}
            onSelect={select}
            onActivate={activate}
            onToggleFold={toggleFromKeyboard}
            onEscape={escape}
            renderMenu={(id) => <FlowContextMenu target={menuTargetOf(id)} actions={menuActions} />}
            describe={describe}
          />
          {layoutPending ? (
            <div className={styles.overlayStatus} role="status">
              Laying out the graph…
            </div>
          ) : null}
        </div>
        {selectedNode ? (
          <FlowNodePanel
            model={model}
            node={selectedNode}
            folded={effective.has(selectedNode.id)}
            hiddenIn={scene?.hiddenIn.get(selectedNode.id)}
            jobTarget={selectedNode.isGroup ? undefined : jobTarget(selectedNode.id)}
            logTail={
              !selectedNode.isGroup && renderNodePanel
                ? renderNodePanel({ deploymentId, jobId: selectedNode.id, jobName })
                : null
            }
            actions={{
              select: (id) => {
                select(id)
                const v = scene ? visibleFor(scene, id) : undefined
                if (v) canvas.current?.reveal(v)
              },
              toggleFold: foldOps.toggleFold,
              expandAll: foldOps.expandAll,
              unfoldFailures: foldOps.unfoldFailures,
              copyId,
              centre: (id) => {
                const v = scene ? visibleFor(scene, id) : undefined
                if (v) canvas.current?.centreOn(v, Math.max(1, canvas.current.camera().k))
              },
              close: () => select(undefined),
            }}
          />
        ) : null}
      </div>
      {showLegend ? <FlowLegend /> : null}
      <div className="sr-only" role="status" aria-live="polite">
        {announcement}
      </div>
      <Dialog
        open={showDiagnostics}
        onOpenChange={setShowDiagnostics}
        title="Graph problems"
        description="The data from the server breaks these rules. The graph routes around them; report them to the platform team."
      >
        <ul>
          {model.diagnostics.map((d, i) => (
            <li key={i}>{d.message}</li>
          ))}
        </ul>
      </Dialog>
    </section>
  )
}
