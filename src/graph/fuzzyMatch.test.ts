import { describe, expect, it } from 'vitest'
import { fuzzyMatch, fuzzyScore } from './fuzzyMatch.ts'

/** The matched characters, for readable expectations. */
function highlighted(text: string, ranges: readonly [number, number][]): string {
  return ranges.map(([s, e]) => text.slice(s, e)).join('|')
}

describe('fuzzyScore', () => {
  it.each([
    ['abc', 'xyz'],
    ['abcd', 'abc'],
    ['ba', 'ab'],
    ['harborx', 'harbor'],
  ])('%j does not match %j', (q, t) => {
    expect(fuzzyScore(q, t)).toBeUndefined()
  })

  it.each([
    // query, target, highlighted pieces
    ['harbor', 'install-harbor', 'harbor'],
    ['HARBOR', 'install-harbor', 'harbor'],
    ['ih', 'install-harbor', 'i|h'],
    ['t126', 't126.omani.works', 't126'],
    ['omw', 't126.omani.works', 'om|w'],
    ['nbg', 'install-nbg1-1:cilium', 'nbg'],
    ['nbgcil', 'install-nbg1-1:cilium', 'nbg|cil'],
    ['kc', 'KubeConfig', 'K|C'],
    ['new dep', 'New deployment', 'New|dep'],
    ['a43', 'a43364f11c10cde3', 'a43'],
    ['ğü', 'Değüşik', 'ğü'],
  ])('%j in %j highlights %j', (q, t, want) => {
    const m = fuzzyScore(q, t)!
    expect(m).toBeDefined()
    expect(highlighted(t, m.ranges)).toBe(want)
  })

  it('prefers word starts and consecutive runs over the leftmost scattered match', () => {
    // Leftmost would take the `c` of "clock" and the `m` of "cmd"; the best takes "cm" at the word start.
    const m = fuzzyScore('cm', 'clock-cmd')!
    expect(highlighted('clock-cmd', m.ranges)).toBe('cm')
    expect(m.ranges).toEqual([[6, 8]])
  })

  it.each([
    ['consecutive beats scattered', 'abc', 'abc-x', 'a-b-c'],
    ['a word start beats mid-word', 'g', 'grafana', 'ogre'],
    ['the first character beats a later word start', 'c', 'cilium', 'x-cilium'],
    ['a capital in the query prefers the same case', 'Harbor', 'Harbor', 'harbor'],
    ['camelCase boundary beats mid-word', 'C', 'KubeConfig', 'Kubeconfig'],
    ['fewer skipped characters before the match win', 'z', 'az', 'aaaz'],
  ])('%s: %j scores higher in %j than in %j', (_name, q, better, worse) => {
    expect(fuzzyScore(q, better)!.score).toBeGreaterThan(fuzzyScore(q, worse)!.score)
  })

  it('gives the alignment score the DP found (greedy-checked on a small case)', () => {
    // "ab" in "ab": 16+16 (first) + 16+10 (consecutive) = 58
    expect(fuzzyScore('ab', 'ab')!.score).toBe(58)
    // "ab" in "a-b": 16+16 + 16+12 (word start) − 3 (gap) = 57
    expect(fuzzyScore('ab', 'a-b')!.score).toBe(57)
    // "AB" in "AB": + 1 per upper-case query character matched in its case
    expect(fuzzyScore('AB', 'AB')!.score).toBe(60)
    // "ab" in "xxab": leading gap −2, "a" mid-word 16, "b" consecutive 16+10 = 40
    expect(fuzzyScore('ab', 'xxab')!.score).toBe(40)
  })

  it('finds the best alignment: equal to brute force over every alignment on random small cases', () => {
    // The scoring rules of the module notes, written out independently.
    const sep = ' -_./:@([,\\'
    const bonus = (t: string, j: number) => {
      if (j === 0) return 16
      const p = t[j - 1]!
      const c = t[j]!
      if (sep.includes(p)) return 12
      const up = (x: string) => x !== x.toLowerCase() && x === x.toUpperCase()
      if (up(c) && !up(p)) return 8
      const dig = (x: string) => x >= '0' && x <= '9'
      return dig(c) !== dig(p) ? 8 : 0
    }
    const score = (q: string, t: string, pos: number[]) =>
      pos.reduce((s, p, i) => {
        const caseBonus = q[i] === t[p] && q[i] !== q[i]!.toLowerCase() ? 1 : 0
        const link = i === 0 ? -Math.min(5, p) : p === pos[i - 1]! + 1 ? 10 : -(3 + (p - pos[i - 1]! - 2))
        return s + 16 + caseBonus + bonus(t, p) + link
      }, 0)
    const brute = (q: string, t: string): number | undefined => {
      let best: number | undefined
      const walk = (i: number, from: number, pos: number[]) => {
        if (i === q.length) {
          const s = score(q, t, pos)
          if (best === undefined || s > best) best = s
          return
        }
        for (let p = from; p < t.length; p++)
          if (t[p]!.toLowerCase() === q[i]!.toLowerCase()) walk(i + 1, p + 1, [...pos, p])
      }
      walk(0, 0, [])
      return best
    }
    let seed = 12345
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
    const alphabet = 'abAB-1 '
    const pick = (len: number) =>
      Array.from({ length: len }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('')
    let matched = 0
    for (let k = 0; k < 3000; k++) {
      const t = pick(1 + Math.floor(rnd() * 9))
      const q = pick(1 + Math.floor(rnd() * 3)).replace(/\s/g, '') || 'a'
      const want = brute(q, t)
      const got = fuzzyScore(q, t)
      expect(got?.score, `${JSON.stringify(q)} in ${JSON.stringify(t)}`).toBe(want)
      if (got) {
        matched++
        // The highlight is an alignment with that score.
        const pos = got.ranges.flatMap(([s, e]) => Array.from({ length: e - s }, (_, i) => s + i))
        expect(score(q, t, pos)).toBe(want)
      }
    }
    expect(matched).toBeGreaterThan(500)
  })

  it('an empty or blank query matches anything with score 0', () => {
    expect(fuzzyScore('', 'abc')).toEqual({ score: 0, ranges: [] })
    expect(fuzzyScore('  ', 'abc')).toEqual({ score: 0, ranges: [] })
  })

  it('handles a very long target with the greedy alignment', () => {
    const t = 'x'.repeat(50_000) + 'needle'
    expect(highlighted(t, fuzzyScore('needle', t)!.ranges)).toBe('needle')
  })
})

describe('fuzzyMatch', () => {
  const candidates = [
    'install-harbor',
    'harbor',
    'install-nbg1-1:harbor',
    'harbor-replicate',
    'grafana',
    'Harbor',
  ]

  it('returns matches best first, ties broken by shorter text then input order', () => {
    const got = fuzzyMatch('harbor', candidates).map((r) => r.text)
    expect(got).toEqual(['harbor', 'Harbor', 'harbor-replicate', 'install-harbor', 'install-nbg1-1:harbor'])
  })

  it('is deterministic for equal scores and lengths (input order)', () => {
    const got = fuzzyMatch('ab', ['xab', 'yab', 'zab'])
    expect(got.map((r) => r.index)).toEqual([0, 1, 2])
    expect(new Set(got.map((r) => r.score)).size).toBe(1)
  })

  it('an empty query keeps every candidate in input order; limit cuts the list', () => {
    expect(fuzzyMatch('', candidates).map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5])
    expect(fuzzyMatch('harbor', candidates, { limit: 2 }).map((r) => r.text)).toEqual(['harbor', 'Harbor'])
  })

  it('scales to 10,000 deployment-like candidates and finds the one asked for', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `t${i}.omani.works`)
    const got = fuzzyMatch('t4242.om', names, { limit: 5 })
    expect(got[0]!.text).toBe('t4242.omani.works')
    expect(highlighted(got[0]!.text, got[0]!.ranges)).toBe('t4242.om')
  })
})
