/**
 * What the log viewer's React half hears about each painted window (`LogViewerEngine`'s `onWindow`): the
 * lines on screen with their content (for the accessible mirror), the view's size and match state, and
 * which on-screen lines are cut for display (each gets a "Show whole line" button). Pure.
 */
import type { StoredLine } from './logBuffer.ts'
import { isTruncated } from './logRender.ts'
import type { LogSource } from './logSource.ts'
import type { LogView } from './logView.ts'

export interface WindowInfo {
  /** Lines on screen (loaded ones carry their content). */
  lines: { n: number; line: StoredLine | undefined }[]
  viewLength: number
  subset: boolean
  following: boolean
  newLines: number
  totalMatches: number
  currentMatch: number
  /** Line numbers on screen that are cut for display. */
  truncated: number[]
  loaded: number
  total: number
  finished: boolean
}

/** The window `lines` (line numbers, top to bottom) of `view` over `buffer`, as `onWindow` reports it. */
export function windowInfo(
  buffer: LogSource['buffer'],
  view: LogView,
  lines: readonly number[],
  maxChars: number,
  state: { following: boolean; newLines: number; currentMatch: number },
): WindowInfo {
  return {
    lines: lines.map((n) => ({ n, line: buffer.get(n) })),
    viewLength: view.length,
    subset: view.subset,
    following: state.following,
    newLines: state.newLines,
    totalMatches: view.totalMatches,
    currentMatch: state.currentMatch,
    truncated: lines.filter((n) => {
      const l = buffer.get(n)
      return !!l && isTruncated(l, maxChars)
    }),
    loaded: buffer.loaded,
    total: buffer.total,
    finished: buffer.finished,
  }
}
