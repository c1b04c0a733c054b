import { useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react'
import { LOG_LEVELS, type LogLevel } from '../../../contracts/jobs.ts'
import { readThemeTokens, subscribeTheme } from '../../../lib/theme.ts'
import { LevelToggles } from './LevelToggles.tsx'
import { LogViewerEngine, type ViewerSettings } from './LogViewerEngine.ts'
import { DISPLAY_MAX_CHARS, formatLogTime } from './logRender.ts'
import type { LogSource } from './logSource.ts'
import { loadSettings, saveSettings } from './logViewerSettings.ts'
import { logViewerTexts } from './logViewerTexts.ts'
import { PALETTE_TOKENS, buildPalette } from './palette.ts'
import { safeFileName, saveText } from './saveLogFile.ts'
import { WholeLineDialog } from './WholeLineDialog.tsx'
import type { WindowInfo } from './windowInfo.ts'
import styles from './LogViewer.module.css'
import { exposeTestHook } from '../../../lib/exposeTestHook.ts'

export interface LogViewerProps {
  source: LogSource | undefined
  /** Accessible name of the log region (the test contract: "Job logs"). */
  label: string
  /** File name of the download (`tofu-apply.log`). */
  downloadName: string
  /** Fewer controls, for side panels. */
  compact?: boolean
  /** CSS height of the log area (ignored in fullscreen). */
  height?: string
  /** `#L120` deep links: the current line and how to change it. */
  deepLink?: { line: number | undefined; setLine: (n: number) => void }
  /** Shown when the log finished without a single line. */
  emptyFinishedText?: string
}

function palette() {
  return buildPalette(readThemeTokens(PALETTE_TOKENS))
}

const nf = new Intl.NumberFormat('en-US')
const fmt = (n: number) => nf.format(n)

function useSourceVersion(source: LogSource | undefined): number {
  return useSyncExternalStore(
    (l) => source?.subscribe(l) ?? (() => {}),
    () => source?.version() ?? -1,
    () => -1,
  )
}

/**
 * The log viewer: our buffer is the truth, xterm draws one screenful of it (LogViewerEngine). Search with
 * next/previous, case and regex toggles, filter-to-matches and a level filter; follow mode with "Jump to
 * live"; line numbers, timestamps and wrap toggles; copy selection; download of the full log; fullscreen;
 * `#L` deep links. The visible lines are mirrored as text in the `log` region for assistive technology.
 */
export function LogViewer({
  source,
  label,
  downloadName,
  compact = false,
  height = 'max(320px, calc(100vh - 460px))',
  deepLink,
  emptyFinishedText = 'Execution finished — no log lines were emitted.',
}: LogViewerProps) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const innerRef = useRef<HTMLDivElement>(null)
  const hostRef = useRef<HTMLDivElement>(null)
  const engineRef = useRef<LogViewerEngine | undefined>(undefined)
  const searchRef = useRef<HTMLInputElement>(null)
  const [settings, setSettings] = useState<ViewerSettings>(loadSettings)
  const [query, setQuery] = useState('')
  const [caseSensitive, setCaseSensitive] = useState(false)
  const [regex, setRegex] = useState(false)
  const [onlyMatching, setOnlyMatching] = useState(false)
  const [hiddenLevels, setHiddenLevels] = useState<ReadonlySet<LogLevel>>(new Set())
  const [regexError, setRegexError] = useState<string | undefined>()
  const [fullscreen, setFullscreen] = useState(false)
  const [info, setInfo] = useState<WindowInfo | undefined>()
  const [wholeLine, setWholeLine] = useState<number | undefined>()
  const [hasSelection, setHasSelection] = useState(false)
  const [downloading, setDownloading] = useState(false)
  const [notice, setNotice] = useState('')
  const version = useSourceVersion(source)
  const ids = useId()
  const deepLinkRef = useRef(deepLink)
  const sourceRef = useRef(source)
  useEffect(() => {
    deepLinkRef.current = deepLink
    sourceRef.current = source
  })

  // The engine lives as long as the component; inputs are pushed into it by the effects below.
  useEffect(() => {
    const engine = new LogViewerEngine(
      scrollRef.current!,
      innerRef.current!,
      hostRef.current!,
      palette(),
      loadSettings(),
      {
        onWindow: setInfo,
        onLineClick: (n) => deepLinkRef.current?.setLine(n),
        onTruncatedClick: setWholeLine,
      },
      readThemeTokens(['font-mono'])['font-mono'] || 'monospace',
    )
    engineRef.current = engine
    // Read-only test hook (never in production builds): where to click a line number; what the buffer
    // holds (the benchmark compares it with the lines the producer emitted).
    const hideTestHook = exposeTestHook('LogViewer', {
      gutterPoint: (n: number) => engine.gutterPoint(n),
      background: () => engine.background(),
      held: () => {
        const b = sourceRef.current?.buffer
        return b
          ? {
              loaded: b.loaded,
              total: b.total,
              maxLine: b.maxLine,
              holes: b.missing().length,
              finished: b.finished,
            }
          : undefined
      },
    })
    const offTheme = subscribeTheme(() => engine.setPalette(palette()))
    const offSelection = engine.onSelectionChange(() => setHasSelection(engine.hasSelection()))
    return () => {
      hideTestHook()
      offTheme()
      offSelection()
      engine.dispose()
      engineRef.current = undefined
    }
  }, [])

  useEffect(() => {
    engineRef.current?.setSource(source)
  }, [source])

  useEffect(() => {
    engineRef.current?.setSettings(settings)
    saveSettings(settings)
  }, [settings])

  useEffect(() => {
    const levels = new Set(LOG_LEVELS.filter((l) => !hiddenLevels.has(l)))
    const err = engineRef.current?.setFilter(
      query,
      caseSensitive,
      regex,
      levels.size === LOG_LEVELS.length ? new Set() : levels,
      onlyMatching,
    )
    setRegexError(err)
  }, [query, caseSensitive, regex, onlyMatching, hiddenLevels])

  const targetLine = deepLink?.line
  useEffect(() => {
    engineRef.current?.setTarget(targetLine)
  }, [targetLine, source])

  useEffect(() => {
    engineRef.current?.resize()
    if (!fullscreen) return
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Escape') setFullscreen(false)
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [fullscreen])

  const status = source?.status()
  const toggle = (key: keyof ViewerSettings) => setSettings((s) => ({ ...s, [key]: !s[key] }))
  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      engineRef.current?.stepMatch(e.shiftKey ? -1 : 1)
    } else if (e.key === 'Escape' && query) {
      e.preventDefault()
      setQuery('')
    }
  }

  const download = async () => {
    if (!source) return
    setDownloading(true)
    try {
      await source.whenComplete()
      const parts: string[] = []
      for (const l of source.buffer.iterate()) parts.push(l.text)
      saveText(parts.length ? `${parts.join('\n')}\n` : '', downloadName)
      setNotice(`Downloaded ${fmt(parts.length)} lines as ${safeFileName(downloadName)}.`)
    } finally {
      setDownloading(false)
    }
  }

  const copy = async () => {
    const text = engineRef.current?.copySelection() ?? ''
    if (!text) return
    try {
      await navigator.clipboard.writeText(text)
      setNotice('Copied the selection.')
    } catch {
      setNotice('The browser refused clipboard access; use Ctrl+C instead.')
    }
  }

  const total = info?.total ?? source?.buffer.total ?? 0
  const { matchText, range, stateText, emptyText } = logViewerTexts({
    query,
    info,
    total,
    status,
    hasSource: !!source,
    emptyFinishedText,
  })
  const empty = total === 0
  const wholeLineText = wholeLine !== undefined ? source?.buffer.get(wholeLine) : undefined
  void version

  return (
    <section
      className={`${styles.viewer} ${fullscreen ? styles.fullscreen : ''} ${compact ? styles.compact : ''}`}
      aria-label={`${label} viewer`}
    >
      <div className={styles.toolbar} role="toolbar" aria-label="Log tools">
        <div className={styles.group}>
          <input
            ref={searchRef}
            className={`input ${styles.search}`}
            type="search"
            placeholder="Search the log"
            aria-label="Search logs"
            aria-invalid={regexError ? true : undefined}
            aria-describedby={`${ids}-matches`}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={onSearchKey}
          />
          <button
            type="button"
            className="btn btn-sm"
            aria-label="Previous match"
            disabled={!info?.totalMatches}
            onClick={() => engineRef.current?.stepMatch(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn btn-sm"
            aria-label="Next match"
            disabled={!info?.totalMatches}
            onClick={() => engineRef.current?.stepMatch(1)}
          >
            ↓
          </button>
          <span id={`${ids}-matches`} className={styles.count} role="status">
            {matchText}
          </span>
          <button
            type="button"
            className={`btn btn-sm ${styles.toggle}`}
            aria-pressed={caseSensitive}
            aria-label="Match case"
            title="Match case"
            onClick={() => setCaseSensitive((v) => !v)}
          >
            Aa
          </button>
          <button
            type="button"
            className={`btn btn-sm ${styles.toggle}`}
            aria-pressed={regex}
            aria-label="Regular expression"
            title="Regular expression"
            onClick={() => setRegex((v) => !v)}
          >
            .*
          </button>
          <button
            type="button"
            className={`btn btn-sm ${styles.toggle}`}
            aria-pressed={onlyMatching}
            onClick={() => setOnlyMatching((v) => !v)}
          >
            Only matching lines
          </button>
        </div>
        {!compact ? <LevelToggles hidden={hiddenLevels} onChange={setHiddenLevels} /> : null}
        <div className={styles.group}>
          {!compact ? (
            <>
              <button
                type="button"
                className={`btn btn-sm ${styles.toggle}`}
                aria-pressed={settings.lineNumbers}
                onClick={() => toggle('lineNumbers')}
              >
                Line numbers
              </button>
              <button
                type="button"
                className={`btn btn-sm ${styles.toggle}`}
                aria-pressed={settings.timestamps}
                onClick={() => toggle('timestamps')}
              >
                Timestamps
              </button>
            </>
          ) : null}
          <button
            type="button"
            className={`btn btn-sm ${styles.toggle}`}
            aria-pressed={settings.wrap}
            onClick={() => toggle('wrap')}
          >
            Wrap lines
          </button>
          <button
            type="button"
            className={`btn btn-sm ${styles.toggle}`}
            aria-pressed={!!info?.following}
            onClick={() => engineRef.current?.follow()}
          >
            Follow
          </button>
          {!compact ? (
            <button type="button" className="btn btn-sm" disabled={!hasSelection} onClick={() => void copy()}>
              Copy selection
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn-sm"
            disabled={!source || downloading}
            onClick={() => void download()}
          >
            {downloading ? 'Preparing…' : 'Download'}
          </button>
          {!compact ? (
            <button
              type="button"
              className={`btn btn-sm ${styles.toggle}`}
              aria-pressed={fullscreen}
              onClick={() => setFullscreen((v) => !v)}
            >
              Fullscreen
            </button>
          ) : null}
        </div>
      </div>
      {regexError ? (
        <p className={styles.warning} role="alert">
          Invalid regular expression ({regexError}); searching for the text as typed.
        </p>
      ) : null}
      {info?.truncated.length ? (
        <div className={styles.truncated}>
          {info.truncated.slice(0, 3).map((n) => (
            <button key={n} type="button" className="btn btn-sm" onClick={() => setWholeLine(n)}>
              Show whole line {n} ({fmt(source?.buffer.get(n)?.plain.length ?? 0)} characters)
            </button>
          ))}
        </div>
      ) : null}
      <div className={styles.body} style={fullscreen ? undefined : { height }}>
        {/* The log region's name is the test contract. */}
        <div
          ref={scrollRef}
          className={styles.scroll}
          role="log"
          aria-label={label}
          aria-live="off"
          aria-describedby={`${ids}-status`}
          // A scrollable region must be reachable by keyboard (WCAG 2.1.1).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
        >
          <div ref={innerRef} className={styles.inner}>
            <div ref={hostRef} className={styles.host} />
          </div>
          <ol className="sr-only" aria-label="Visible log lines">
            {info?.lines.map(({ n, line }) => (
              <li key={n} aria-current={n === targetLine ? 'location' : undefined}>
                {line
                  ? `Line ${n}${settings.timestamps ? ` ${formatLogTime(line.timestamp)} ${line.level}` : ''}: ${
                      line.plain.length > DISPLAY_MAX_CHARS
                        ? `${line.plain.slice(0, DISPLAY_MAX_CHARS)} …`
                        : line.plain
                    }`
                  : `Line ${n}: loading`}
              </li>
            ))}
          </ol>
        </div>
        {empty && emptyText ? <p className={styles.empty}>{emptyText}</p> : null}
        {info && !info.following && !empty ? (
          <button
            type="button"
            className={`btn btn-primary btn-sm ${styles.jump}`}
            onClick={() => engineRef.current?.follow()}
          >
            {info.finished && status?.state === 'complete'
              ? 'Jump to end'
              : `Jump to live${info.newLines ? ` (${fmt(info.newLines)} new ${info.newLines === 1 ? 'line' : 'lines'})` : ''}`}
          </button>
        ) : null}
      </div>
      <div className={styles.statusBar} id={`${ids}-status`}>
        <span>{range}</span>
        <span>{stateText}</span>
        {info && info.loaded < info.total ? (
          <span>
            Loaded {fmt(info.loaded)} of {fmt(info.total)} lines
          </span>
        ) : null}
        {status?.state === 'retrying' || status?.state === 'failed' ? (
          <button type="button" className="btn btn-sm" onClick={() => source?.retry()}>
            Retry now
          </button>
        ) : null}
        <span className="sr-only" role="status">
          {notice}
        </span>
      </div>
      <WholeLineDialog
        line={wholeLine}
        text={wholeLineText}
        downloadName={downloadName}
        onClose={() => setWholeLine(undefined)}
      />
    </section>
  )
}
