import { useEffect, useState } from 'react'
import type { Depth } from '../../graph/visibility.ts'
import type { StreamStatus } from '../../lib/eventStream.ts'
import styles from './FlowScreen.module.css'

const ZOOM_STEP = 1.35

export interface FlowToolbarProps {
  query: string
  onQuery(q: string): void
  /** Matches of the current query (undefined when there is no query). */
  matchCount: number | undefined
  matchCursor: number
  onMatch(delta: 1 | -1): void
  /** '1'…'n', 'all', or 'custom' when manual folds are in effect. */
  depthValue: string
  maxGroupDepth: number
  customFoldCount: number
  onDepth(d: Depth): void
  onResetFolds(): void
  onZoom(factor: number): void
  onFit(): void
  canZoomToSelection: boolean
  onZoomToSelection(): void
  diagnostics: number
  onShowDiagnostics(): void
  outlineShown: boolean
  onToggleOutline(): void
  legendShown: boolean
  onToggleLegend(): void
  stream: StreamStatus
  onReconnect(): void
}

/** The live-updates chip: what the stream is doing right now, with a retry while it is down. */
export function StreamChip({ status, onRetry }: { status: StreamStatus; onRetry(): void }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (status.state !== 'reconnecting') return
    const t = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(t)
  }, [status.state])
  const secs = status.retryAt ? Math.max(0, Math.ceil((status.retryAt - now) / 1000)) : undefined
  const text =
    status.state === 'open'
      ? 'Live'
      : status.state === 'connecting'
        ? 'Connecting…'
        : status.state === 'reconnecting'
          ? `Reconnecting${secs ? ` in ${secs} s` : '…'}${status.attempt > 1 ? ` (attempt ${status.attempt})` : ''}`
          : 'Disconnected'
  return (
    <span className={styles.toolbarGroup}>
      <span
        className={styles.chip}
        data-state={status.state}
        role="status"
        aria-label={`Live updates: ${text}`}
      >
        <span className={styles.dot} aria-hidden="true" />
        {text}
      </span>
      {status.state === 'reconnecting' || status.state === 'closed' ? (
        <button type="button" className="btn btn-sm" onClick={onRetry}>
          Reconnect now
        </button>
      ) : null}
    </span>
  )
}

/** Search, level, zoom, panels, diagnostics and the stream state, above the canvas. */
export function FlowToolbar({
  query,
  onQuery,
  matchCount,
  matchCursor,
  onMatch,
  depthValue,
  maxGroupDepth,
  customFoldCount,
  onDepth,
  onResetFolds,
  onZoom,
  onFit,
  canZoomToSelection,
  onZoomToSelection,
  diagnostics,
  onShowDiagnostics,
  outlineShown,
  onToggleOutline,
  legendShown,
  onToggleLegend,
  stream,
  onReconnect,
}: FlowToolbarProps) {
  return (
    <div className={styles.toolbar}>
      <span className={styles.toolbarGroup}>
        <input
          type="search"
          className={`input ${styles.search}`}
          aria-label="Search the graph"
          placeholder="Find a job or group…"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              onMatch(e.shiftKey ? -1 : 1)
            } else if (e.key === 'Escape' && query) {
              e.preventDefault()
              onQuery('')
            }
          }}
        />
        {matchCount !== undefined ? (
          <>
            <span className={styles.matchCount} role="status" aria-live="polite">
              {matchCount === 0
                ? 'No matches'
                : `${matchCursor >= 0 ? `${matchCursor + 1} of ` : ''}${matchCount} ${matchCount === 1 ? 'match' : 'matches'}`}
            </span>
            <button
              type="button"
              className="btn btn-sm"
              aria-label="Previous match"
              disabled={!matchCount}
              onClick={() => onMatch(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn btn-sm"
              aria-label="Next match"
              disabled={!matchCount}
              onClick={() => onMatch(1)}
            >
              ↓
            </button>
          </>
        ) : null}
      </span>
      <label className={styles.toolbarGroup}>
        <span>Depth</span>
        <select
          className="select"
          value={depthValue}
          onChange={(e) => {
            const v = e.target.value
            if (v !== 'custom') onDepth(v === 'all' ? 'all' : Number(v))
          }}
        >
          {Array.from({ length: Math.max(1, maxGroupDepth) }, (_, i) => i + 1).map((d) => (
            <option key={d} value={String(d)}>
              {d === 1 ? '1 · Phases' : d === 2 ? '2 · Regions' : `${d} · Level ${d}`}
            </option>
          ))}
          <option value="all">All jobs</option>
          {customFoldCount > 0 ? <option value="custom">Custom ({customFoldCount} folded)</option> : null}
        </select>
      </label>
      {customFoldCount > 0 ? (
        <button type="button" className="btn btn-sm" onClick={onResetFolds}>
          Reset folds
        </button>
      ) : null}
      <span className={styles.toolbarGroup}>
        <button
          type="button"
          className="btn btn-sm"
          aria-label="Zoom out"
          onClick={() => onZoom(1 / ZOOM_STEP)}
        >
          −
        </button>
        <button type="button" className="btn btn-sm" aria-label="Zoom in" onClick={() => onZoom(ZOOM_STEP)}>
          +
        </button>
        <button type="button" className="btn btn-sm" onClick={onFit}>
          Fit
        </button>
        <button
          type="button"
          className="btn btn-sm"
          disabled={!canZoomToSelection}
          onClick={onZoomToSelection}
        >
          Zoom to selection
        </button>
      </span>
      <span className={styles.spacer} />
      {diagnostics > 0 ? (
        <button type="button" className={`btn btn-sm ${styles.diagnostics}`} onClick={onShowDiagnostics}>
          ⚠ {diagnostics} graph {diagnostics === 1 ? 'problem' : 'problems'}
        </button>
      ) : null}
      <button
        type="button"
        className="btn btn-sm"
        aria-expanded={outlineShown}
        aria-controls="flow-outline"
        onClick={onToggleOutline}
      >
        Outline
      </button>
      <button type="button" className="btn btn-sm" aria-pressed={legendShown} onClick={onToggleLegend}>
        Legend
      </button>
      <StreamChip status={stream} onRetry={onReconnect} />
    </div>
  )
}
