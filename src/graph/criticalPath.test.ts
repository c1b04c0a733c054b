import { describe, expect, it } from 'vitest'
import { criticalPath, type PathTask } from './criticalPath.ts'

const t = (
  id: string,
  startMs: number | undefined,
  endMs: number | undefined,
  dependsOn: string[] = [],
): PathTask => ({
  id,
  startMs,
  endMs,
  dependsOn,
})

describe('criticalPath', () => {
  it('follows a simple chain', () => {
    const r = criticalPath([t('a', 0, 10), t('b', 10, 30, ['a']), t('c', 30, 35, ['b'])], 100)
    expect(r).toEqual({ ids: ['a', 'b', 'c'], totalMs: 35 })
  })

  it('takes the longer branch of a diamond', () => {
    const r = criticalPath(
      [t('a', 0, 10), t('short', 10, 12, ['a']), t('long', 10, 50, ['a']), t('z', 50, 60, ['short', 'long'])],
      100,
    )
    expect(r.ids).toEqual(['a', 'long', 'z'])
    expect(r.totalMs).toBe(60)
  })

  it('counts a running job up to now and skips jobs that never started', () => {
    const r = criticalPath(
      [
        t('a', 0, 10),
        t('run', 10, undefined, ['a']),
        t('done', 10, 20, ['a']),
        t('pending', undefined, undefined, ['run']),
      ],
      500,
    )
    expect(r.ids).toEqual(['a', 'run'])
    expect(r.totalMs).toBe(500)
  })

  it('prefers a chain over a single longer job only when the chain is longer', () => {
    expect(criticalPath([t('solo', 0, 100), t('a', 0, 40), t('b', 40, 90, ['a'])], 0).ids).toEqual(['solo'])
    expect(criticalPath([t('solo', 0, 80), t('a', 0, 40), t('b', 40, 90, ['a'])], 0).ids).toEqual(['a', 'b'])
  })

  it('survives cycles, self-dependencies, duplicates and dangling ids', () => {
    const r = criticalPath(
      [
        t('a', 0, 10, ['c', 'ghost']),
        t('b', 10, 20, ['a', 'b']),
        t('c', 20, 30, ['b']),
        t('c', 0, 1000), // duplicate id: the first one wins
      ],
      0,
    )
    expect(r.ids.length).toBeGreaterThan(0)
    expect(new Set(r.ids).size).toBe(r.ids.length)
    expect(r.ids).not.toContain('ghost')
  })

  it('handles a 20,000-long chain without overflowing the stack', () => {
    const tasks = Array.from({ length: 20_000 }, (_, i) => t(`j${i}`, i, i + 1, i ? [`j${i - 1}`] : []))
    const r = criticalPath(tasks, 0)
    expect(r.ids).toHaveLength(20_000)
    expect(r.ids[0]).toBe('j0')
  })

  it('counts only the part of a job after its dependency ended, so overlap is not counted twice', () => {
    // b started at 5 while a (retried) ran until 10: the chain a → b spans 0 → 30, not 10 + 25.
    const r = criticalPath([t('a', 0, 10), t('b', 5, 30, ['a'])], 100)
    expect(r).toEqual({ ids: ['a', 'b'], totalMs: 30 })
    // A dependency that ended after its dependent: the dependent adds nothing, so the path is a alone.
    expect(criticalPath([t('a', 0, 40), t('b', 5, 30, ['a'])], 100)).toEqual({ ids: ['a'], totalMs: 40 })
  })

  it('is empty when nothing started', () => {
    expect(criticalPath([t('a', undefined, undefined)], 0)).toEqual({ ids: [], totalMs: 0 })
  })
})
