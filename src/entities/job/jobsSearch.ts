import { z } from 'zod'

const text = (max = 200) => z.string().max(max).optional().catch(undefined)

/** Everything about the jobs page that lives in the URL (list and graph views share it). */
export const jobsSearch = z.object({
  view: z.enum(['list', 'graph']).optional().catch(undefined),
  q: text(),
  status: text(64),
  phase: text(64),
  region: text(64),
  sort: text(32),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  group: z.enum(['phase', 'region']).optional().catch(undefined),
  collapsed: text(2000),
  depth: text(8),
  folded: text(20_000),
  focus: text(1000),
  selected: text(1000),
  /** Replay: the RFC 3339 instant the page shows (absent = live). */
  at: text(64),
})
export type JobsSearch = z.infer<typeof jobsSearch>

export const jobDetailSearch = z.object({
  log: z.enum(['job', 'global']).optional().catch(undefined),
  exec: text(64),
  depth: text(8),
  folded: text(20_000),
  at: text(64),
})
export type JobDetailSearch = z.infer<typeof jobDetailSearch>

/** The timeline's URL state: only the replayed instant. */
export const jobsTimelineSearch = z.object({ at: text(64) })
export type JobsTimelineSearch = z.infer<typeof jobsTimelineSearch>
