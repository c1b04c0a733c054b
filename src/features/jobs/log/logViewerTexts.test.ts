import { describe, expect, it } from 'vitest'
import { logViewerTexts } from './logViewerTexts.ts'
import type { SourceState } from './logSource.ts'
import type { WindowInfo } from './windowInfo.ts'

const info = (over: Partial<WindowInfo> = {}): WindowInfo => ({
  lines: [
    { n: 1, line: undefined },
    { n: 40, line: undefined },
  ],
  viewLength: 1200,
  subset: false,
  following: true,
  newLines: 0,
  totalMatches: 0,
  currentMatch: -1,
  truncated: [],
  loaded: 1200,
  total: 1200,
  finished: false,
  ...over,
})
const st = (state: SourceState, error?: string) => ({ state, error, retryAt: undefined })
const base = { query: '', total: 1200, hasSource: true, emptyFinishedText: 'No lines.' }

describe('logViewerTexts', () => {
  it('counts matches: none, all, the current one', () => {
    const t = (query: string, i?: WindowInfo) =>
      logViewerTexts({ ...base, query, info: i, status: st('live') }).matchText
    expect(t('', info())).toBe('')
    expect(t('x', info())).toBe('No matches')
    expect(t('x', info({ totalMatches: 1 }))).toBe('1 match')
    expect(t('x', info({ totalMatches: 1234 }))).toBe('1,234 matches')
    expect(t('x', info({ totalMatches: 1234, currentMatch: 9 }))).toBe('10 of 1,234')
  })

  it('says which lines are on screen, or how many a filter kept', () => {
    const r = (i: WindowInfo | undefined) => logViewerTexts({ ...base, info: i, status: st('live') }).range
    expect(r(undefined)).toBe('')
    expect(r(info())).toBe('Lines 1–40 of 1,200')
    expect(r(info({ subset: true, viewLength: 37 }))).toBe('37 of 1,200 lines shown (filtered)')
  })

  it('words every source state; a failure carries its reason and no empty-log message', () => {
    const s = (status: Parameters<typeof logViewerTexts>[0]['status'], i = info()) =>
      logViewerTexts({ ...base, info: i, status })
    expect(s(undefined).stateText).toBe('Loading…')
    expect(s(st('live')).stateText).toBe('Following live output')
    expect(s(st('live'), info({ following: false })).stateText).toBe('Live — paused at your position')
    expect(s(st('complete'), info({ finished: true })).stateText).toBe('Complete')
    expect(s(st('retrying')).stateText).toBe('Connection problem — retrying')
    expect(s(st('failed', 'HTTP 502')).stateText).toBe('Log unavailable: HTTP 502')
    expect(s(st('failed', 'HTTP 502')).emptyText).toBeUndefined()
    expect(s(st('connecting')).emptyText).toBe('Connecting to the log…')
    expect(s(st('complete'), info({ finished: true })).emptyText).toBe('No lines.')
    expect(s(st('live')).emptyText).toBe('Waiting for the first line…')
  })
})
