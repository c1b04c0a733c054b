import { useEffect, useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react'
import { Dialog } from '../../components/Dialog.tsx'
import type { MatchRange } from '../../graph/fuzzyMatch.ts'
import { rankPaletteItems, type RankedItem } from '../../graph/rankPaletteItems.ts'
import { restorePaletteFocus } from '../../lib/commandPalette.ts'
import { errorMessage } from '../../lib/http.ts'
import { KIND_LABELS, type PaletteEntry } from './paletteItems.ts'
import { readRecent } from './recentItems.ts'
import { usePaletteEntries, type PaletteSource } from './usePaletteEntries.ts'
import { usePaletteRunner } from './usePaletteRunner.ts'
import styles from './CommandPalette.module.css'

/** Results shown at once: enough to scan, few enough that every keystroke renders in one frame. */
export const PALETTE_LIMIT = 50

/**
 * The command palette (a separate chunk, loaded on the first Ctrl/⌘+K or header-button press): an ARIA
 * combobox (the text box) driving a listbox of ranked results inside a modal dialog. Focus stays in the
 * text box; arrows, Home and End move the active option (`aria-activedescendant`), Enter runs it, Escape
 * closes and focus returns to where it was.
 */
export function CommandPalette({
  open,
  onOpenChange,
}: {
  open: boolean
  onOpenChange: (o: boolean) => void
}) {
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Command palette"
      width="lg"
      onCloseAutoFocus={(e) => {
        if (restorePaletteFocus()) e.preventDefault()
      }}
    >
      <PaletteBody close={() => onOpenChange(false)} />
    </Dialog>
  )
}

function PaletteBody({ close }: { close: () => void }) {
  const { entries, sources } = usePaletteEntries()
  const runEntry = usePaletteRunner()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  // Read once per open: the list must not reorder under the user while they look at it.
  const [recent] = useState(readRecent)
  const results = useMemo(
    () => rankPaletteItems(query, entries, recent, { limit: PALETTE_LIMIT }),
    [query, entries, recent],
  )
  const listId = useId()
  const optionId = (i: number) => `${listId}-option-${i}`
  const current = Math.min(active, results.length - 1)

  useEffect(() => {
    if (current >= 0) document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' })
  })

  const run = (r: RankedItem<PaletteEntry> | undefined) => {
    if (!r) return
    close()
    runEntry(r.item)
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = results.length
    let next: number | undefined
    if (e.key === 'ArrowDown') next = n ? (current + 1) % n : 0
    else if (e.key === 'ArrowUp') next = n ? (current - 1 + n) % n : 0
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = Math.max(0, n - 1)
    else if (e.key === 'Enter') {
      e.preventDefault()
      run(results[current])
      return
    }
    if (next === undefined) return
    e.preventDefault()
    setActive(next)
  }

  const expanded = results.length > 0
  return (
    <div className={styles.palette}>
      <input
        className={`input ${styles.input}`}
        type="text"
        role="combobox"
        aria-label="Search or run a command"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? optionId(current) : undefined}
        placeholder="Deployments, jobs, apps, pages, actions…"
        autoComplete="off"
        spellCheck={false}
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
      />
      {expanded ? (
        <ul id={listId} role="listbox" aria-label="Results" className={styles.list}>
          {results.map((r, i) => (
            // Options are not focusable: focus stays in the text box (aria-activedescendant), the
            // keyboard path is the combobox's; the pointer may pick an option too.
            // eslint-disable-next-line jsx-a11y/click-events-have-key-events
            <li
              key={r.item.id}
              id={optionId(i)}
              role="option"
              tabIndex={-1}
              aria-selected={i === current}
              className={styles.option}
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => i !== current && setActive(i)}
              onClick={() => run(r)}
            >
              <OptionContent r={r} />
            </li>
          ))}
        </ul>
      ) : null}
      <PaletteStatus query={query} count={results.length} sources={sources} />
    </div>
  )
}

function OptionContent({ r }: { r: RankedItem<PaletteEntry> }) {
  const { item, keyword } = r
  const matchedKeyword = keyword ? item.keywords?.[keyword.index] : undefined
  return (
    <>
      <span className={styles.kind} data-kind={item.kind}>
        {KIND_LABELS[item.kind]}
      </span>
      <span className={styles.label}>
        <Highlighted text={item.label} ranges={r.ranges} />
      </span>
      {matchedKeyword !== undefined && keyword ? (
        <span className={styles.detail}>
          <Highlighted text={matchedKeyword} ranges={keyword.ranges} />
        </span>
      ) : item.detail ? (
        <span className={styles.detail}>{item.detail}</span>
      ) : null}
      {r.recent ? <span className={styles.recent}>Recent</span> : null}
    </>
  )
}

function Highlighted({ text, ranges }: { text: string; ranges: readonly MatchRange[] }) {
  if (ranges.length === 0) return <>{text}</>
  const parts: ReactNode[] = []
  let at = 0
  for (const [s, e] of ranges) {
    if (s > at) parts.push(text.slice(at, s))
    parts.push(
      <mark key={s} className={styles.mark}>
        {text.slice(s, e)}
      </mark>,
    )
    at = e
  }
  if (at < text.length) parts.push(text.slice(at))
  return <>{parts}</>
}

/** The result count (announced), what is still loading, and each source that failed, with Retry. */
function PaletteStatus({
  query,
  count,
  sources,
}: {
  query: string
  count: number
  sources: PaletteSource[]
}) {
  const loading = sources.filter((s) => s.pending && !s.error).map((s) => s.name.toLowerCase())
  const failed = sources.filter((s) => s.error)
  const countText =
    count === 0
      ? query.trim()
        ? `Nothing matches “${query.trim()}”`
        : 'Nothing to show yet'
      : `${count === PALETTE_LIMIT ? `Top ${count}` : count} result${count === 1 ? '' : 's'}`
  return (
    <div className={styles.footer}>
      <p role="status" className={styles.count}>
        {countText}
        {loading.length ? ` · loading ${loading.join(', ')}…` : ''}
      </p>
      {failed.map((s) => (
        <div key={s.name} role="alert" className={styles.error}>
          <span>
            {s.name} could not be loaded: {errorMessage(s.error)}
          </span>
          <button type="button" className="btn btn-sm" onClick={s.retry}>
            Retry {s.name.toLowerCase()}
          </button>
        </div>
      ))}
      <p className={styles.hint} aria-hidden="true">
        ↑ ↓ Home End to move · Enter to open · Esc to close
      </p>
    </div>
  )
}
