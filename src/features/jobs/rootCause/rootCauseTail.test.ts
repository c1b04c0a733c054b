import { describe, expect, it } from 'vitest'
import type { LogLine } from '../../../contracts/jobs.ts'
import { lastErrorLines } from './rootCauseTail.ts'

const line = (n: number, level: LogLine['level'], message = `m${n}`): LogLine => ({
  lineNumber: n,
  timestamp: '2026-01-01T00:00:00Z',
  level,
  message,
})

describe('lastErrorLines', () => {
  it('keeps the last ERROR and WARN lines, newest last', () => {
    const lines = [line(1, 'ERROR'), line(2, 'INFO'), line(3, 'WARN'), line(4, 'ERROR'), line(5, 'INFO')]
    expect(lastErrorLines(lines, 2).map((l) => l.lineNumber)).toEqual([3, 4])
  })
  it('falls back to the last lines when nothing is loud', () => {
    const lines = [line(1, 'INFO'), line(2, 'DEBUG'), line(3, 'INFO')]
    expect(lastErrorLines(lines, 2).map((l) => l.lineNumber)).toEqual([2, 3])
  })
  it('is empty for an empty log', () => {
    expect(lastErrorLines([])).toEqual([])
  })
})
