/**
 * The words the log viewer shows about its state, from the painted window and the source's status: the
 * match counter, the line range, the connection state and the empty-log message. Pure, so the wording of
 * every state lives in one place.
 */
import type { SourceStatus } from './logSource.ts'
import type { WindowInfo } from './windowInfo.ts'

const nf = new Intl.NumberFormat('en-US')
const fmt = (n: number) => nf.format(n)

export interface LogViewerTexts {
  /** "3 of 12", "12 matches", "No matches"; empty without a query. */
  matchText: string
  /** "Lines 1–40 of 1,000" or "40 of 1,000 lines shown (filtered)"; empty before the first window. */
  range: string
  stateText: string
  /** Shown over an empty log; undefined when the failure itself says enough. */
  emptyText: string | undefined
}

export function logViewerTexts({
  query,
  info,
  total,
  status,
  hasSource,
  emptyFinishedText,
}: {
  query: string
  info: WindowInfo | undefined
  total: number
  status: SourceStatus | undefined
  hasSource: boolean
  emptyFinishedText: string
}): LogViewerTexts {
  const matchText = !query
    ? ''
    : !info || info.totalMatches === 0
      ? 'No matches'
      : info.currentMatch >= 0
        ? `${fmt(info.currentMatch + 1)} of ${fmt(info.totalMatches)}`
        : `${fmt(info.totalMatches)} ${info.totalMatches === 1 ? 'match' : 'matches'}`
  const first = info?.lines[0]?.n
  const last = info?.lines[info.lines.length - 1]?.n
  const range =
    !info || !info.viewLength
      ? ''
      : info.subset
        ? `${fmt(info.viewLength)} of ${fmt(total)} lines shown (filtered)`
        : `Lines ${fmt(first ?? 0)}–${fmt(last ?? 0)} of ${fmt(total)}`
  const stateText = (() => {
    switch (status?.state) {
      case undefined:
      case 'connecting':
      case 'loading':
        return 'Loading…'
      case 'paused':
        return 'Paused while this tab is hidden'
      case 'retrying':
        return 'Connection problem — retrying'
      case 'failed':
        return `Log unavailable: ${status.error ?? 'error'}`
      case 'complete':
        return info?.finished ? 'Complete' : 'Up to date'
      case 'live':
        return info?.following ? 'Following live output' : 'Live — paused at your position'
    }
  })()
  const emptyText =
    status?.state === 'failed'
      ? undefined
      : !hasSource || status?.state === 'loading' || status?.state === 'connecting'
        ? 'Connecting to the log…'
        : info?.finished
          ? emptyFinishedText
          : 'Waiting for the first line…'
  return { matchText, range, stateText, emptyText }
}
