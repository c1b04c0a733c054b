import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import {
  REPLAY_SPEEDS,
  offsetLabel,
  parseSpeed,
  scrubStepMs,
  type ReplaySpeed,
} from '../../lib/replayTime.ts'
import { formatAbsolute } from '../../lib/time.ts'
import { ErrorState } from '../States.tsx'
import { getReplayDraft } from './replayCursor.ts'
import type { Replay } from './useReplay.ts'
import styles from './ReplayBar.module.css'

/** How long the hand must rest on the scrubber before the instant is written to the URL. */
const COMMIT_AFTER_MS = 250

/** "Replay this run" — opens replay at the run's start (for the page header's actions). */
export function ReplayButton({ replay }: { replay: Replay }) {
  if (replay.active || replay.param.kind === 'invalid') return null
  return (
    <button type="button" className="btn btn-sm" onClick={() => replay.start()}>
      Replay this run
    </button>
  )
}

/**
 * The "replaying — back to live" bar: what instant the page shows, the scrubber (a native range input, so
 * an ARIA slider; arrows step ~1/200 of the run, PageUp/PageDown ten steps, Home/End the ends), play/pause
 * at 1×–60×. Renders nothing on a live page; an unreadable `?at` is said, with the way back.
 */
export function ReplayBar({ replay }: { replay: Replay }) {
  if (replay.param.kind === 'invalid')
    return (
      <div className={`${styles.bar} ${styles.invalid}`} role="alert">
        <p className={styles.title}>
          <strong>Cannot replay:</strong> “{replay.param.raw.slice(0, 80)}” is not an instant. Use an RFC 3339
          time such as <code>2026-05-14T09:12:30Z</code>.
        </p>
        <button type="button" className="btn btn-sm btn-primary" onClick={replay.backToLive}>
          Back to live
        </button>
      </div>
    )
  if (!replay.active) return null
  if (replay.error)
    return (
      <ErrorState title="The run's history could not be loaded" error={replay.error} onRetry={replay.retry} />
    )
  if (replay.loading || !replay.span || replay.atMs === undefined)
    return (
      <div className={styles.bar} role="status">
        <p className={styles.title}>Loading the run’s history for replay…</p>
        <button type="button" className="btn btn-sm" onClick={replay.backToLive}>
          Back to live
        </button>
      </div>
    )
  return <Scrubber replay={replay} span={replay.span} atMs={replay.atMs} />
}

function Scrubber({
  replay,
  span,
  atMs,
}: {
  replay: Replay
  span: { startMs: number; endMs: number }
  atMs: number
}) {
  const [playing, setPlaying] = useState(false)
  const [speed, setSpeed] = useState<ReplaySpeed>(1)
  const { seek } = replay
  const stepMs = scrubStepMs(span.endMs - span.startMs)
  const spanSec = Math.max(1, Math.ceil((span.endMs - span.startMs) / 1000))

  // Play: advance by `speed` × the real time between frames; stop (and write the URL) at the end.
  const clock = useRef({ ms: atMs, speed, end: span.endMs })
  useEffect(() => {
    clock.current.speed = speed
    clock.current.end = span.endMs
  })
  const atMsRef = useRef(atMs)
  useEffect(() => {
    atMsRef.current = atMs
  })
  useEffect(() => {
    if (!playing) return
    const c = clock.current
    c.ms = getReplayDraft()?.ms ?? atMsRef.current
    let last = performance.now()
    let raf = requestAnimationFrame(function frame(now) {
      c.ms = Math.min(c.end, c.ms + (now - last) * c.speed)
      last = now
      if (c.ms >= c.end) {
        setPlaying(false)
        return
      }
      seek(c.ms, false)
      raf = requestAnimationFrame(frame)
    })
    return () => {
      cancelAnimationFrame(raf)
      seek(c.ms, true)
    }
  }, [playing, seek])

  // A resting hand (scrubbing with the pointer) writes the instant to the URL.
  useEffect(() => {
    if (playing) return
    const draft = getReplayDraft()
    if (!draft || draft.ms !== atMs) return
    const t = setTimeout(() => seek(atMs, true), COMMIT_AFTER_MS)
    return () => clearTimeout(t)
  }, [atMs, playing, seek])

  const move = (ms: number) => {
    setPlaying(false)
    seek(Math.min(span.endMs, Math.max(span.startMs, ms)), true)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const by: Record<string, number> = {
      ArrowRight: stepMs,
      ArrowUp: stepMs,
      ArrowLeft: -stepMs,
      ArrowDown: -stepMs,
      PageUp: 10 * stepMs,
      PageDown: -10 * stepMs,
    }
    if (e.key in by) move(atMs + by[e.key]!)
    else if (e.key === 'Home') move(span.startMs)
    else if (e.key === 'End') move(span.endMs)
    else return
    e.preventDefault()
  }

  const when = formatAbsolute(atMs)
  const offset = offsetLabel(atMs, span.startMs)
  const atEnd = atMs >= span.endMs
  return (
    <section className={styles.bar} aria-label="Replay">
      <p className={styles.title} aria-live="off">
        <strong>Replaying</strong> — as of <time dateTime={new Date(atMs).toISOString()}>{when}</time>{' '}
        <span className="muted">({offset})</span>
        {replay.snapshot ? (
          <>
            {' '}
            · deployment <strong>{replay.snapshot.status}</strong>
          </>
        ) : null}
      </p>
      <button type="button" className="btn btn-sm btn-primary" onClick={replay.backToLive}>
        Back to live
      </button>
      <div className={styles.controls}>
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => {
            if (!playing && atEnd) seek(span.startMs, false)
            setPlaying(!playing)
          }}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <label className={styles.speed}>
          <span>Speed</span>
          <select
            className="select"
            value={speed}
            onChange={(e) => setSpeed(parseSpeed(e.target.value))}
            aria-label="Playback speed"
          >
            {REPLAY_SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <input
          className={styles.slider}
          type="range"
          aria-label="Replay time"
          min={0}
          max={spanSec}
          step={1}
          value={Math.round((atMs - span.startMs) / 1000)}
          aria-valuetext={`${when}, ${offset} into the run`}
          onChange={(e) => {
            setPlaying(false)
            seek(span.startMs + Number(e.target.value) * 1000, false)
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      {replay.clamped ? (
        <p className={styles.note} role="status">
          The requested instant is{' '}
          {replay.clamped === 'start' ? 'before this run started' : 'after its last record'}: showing its{' '}
          {replay.clamped === 'start' ? 'start' : 'last recorded state'}.
        </p>
      ) : null}
      <p className={styles.note}>
        Rebuilt from the jobs’ start and finish times and the event history, as far as the API recorded them.
      </p>
    </section>
  )
}
