import { describe, expect, it } from 'vitest'
import { mergeWithEarlier } from './reporter.ts'
import type { Metric } from './stats.ts'

const m = (scenario: string, metric: string, measuredAt: string): Metric => ({
  scenario,
  metric,
  unit: 'ms',
  p50: 1,
  p95: 1,
  samples: 1,
  measuredAt,
})

describe('bench reporter: a run of some specs keeps the rest of the table', () => {
  const earlier = [
    m('Bundle', 'a', 'old'),
    m('Flow', 'b', 'old'),
    m('Flow', 'c', 'old'),
    m('Logs', 'd', 'old'),
  ]

  it('replaces every earlier row of a scenario measured again, in its place; keeps the others with their date', () => {
    const out = mergeWithEarlier([m('Flow', 'b', 'new')], earlier)
    expect(out.map((x) => `${x.scenario}/${x.metric}@${x.measuredAt}`)).toEqual([
      'Bundle/a@old',
      'Flow/b@new',
      'Logs/d@old',
    ])
  })

  it('appends scenarios the earlier run did not have; with no earlier file it is this run alone', () => {
    const now = [m('Cold start', 'x', 'new'), m('Cold start', 'y', 'new')]
    expect(mergeWithEarlier(now, earlier).map((x) => x.metric)).toEqual(['a', 'b', 'c', 'd', 'x', 'y'])
    expect(mergeWithEarlier(now, [])).toEqual(now)
  })
})
