import { describe, expect, it } from 'vitest'
import { MAX_RECENT, pushRecent, readRecent, RECENT_KEY } from './recentItems.ts'

function memory(initial?: string) {
  const m = new Map<string, string>()
  if (initial !== undefined) m.set(RECENT_KEY, initial)
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m }
}

describe('recent palette items', () => {
  it('most recent first, once each, capped', () => {
    const s = memory()
    pushRecent('page:jobs', s)
    pushRecent('dep:a43364f11c10cde3', s)
    expect(pushRecent('page:jobs', s)).toEqual(['page:jobs', 'dep:a43364f11c10cde3'])
    for (let i = 0; i < 20; i++) pushRecent(`job:d:install-${i}`, s)
    const r = readRecent(s)
    expect(r).toHaveLength(MAX_RECENT)
    expect(r[0]).toBe('job:d:install-19')
  })

  it('stores ids only: anything that is not a palette id is refused', () => {
    const s = memory()
    expect(pushRecent('https://evil.example/?token=secret', s)).toEqual([])
    expect(pushRecent('page:jobs with spaces', s)).toEqual([])
    expect(s.m.has(RECENT_KEY)).toBe(false)
  })

  it('tolerates garbage in storage (another build, a hand edit)', () => {
    expect(readRecent(memory('not json'))).toEqual([])
    expect(readRecent(memory('{"a":1}'))).toEqual([])
    expect(readRecent(memory('[1, "page:jobs", "page:jobs", "x", null, "action:toggle-theme"]'))).toEqual([
      'page:jobs',
      'action:toggle-theme',
    ])
  })

  it('works without storage (private mode)', () => {
    expect(readRecent(undefined)).toEqual([])
    expect(pushRecent('page:jobs', undefined)).toEqual(['page:jobs'])
    const throwing = {
      getItem: () => '[]',
      setItem: () => {
        throw new Error('quota')
      },
    }
    expect(pushRecent('page:jobs', throwing)).toEqual(['page:jobs'])
  })
})
