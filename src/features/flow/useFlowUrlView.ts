import { useCallback, useMemo } from 'react'
import { depthParam, parseDepth } from '../../graph/foldState.ts'
import type { FlowModel } from '../../graph/model.ts'
import type { Depth, FoldView } from '../../graph/visibility.ts'
import { jobsSearch, type JobsSearch } from '../../entities/job/jobsSearch.ts'
import { bareJobName, type LinkTarget } from '../../lib/links.ts'
import { usePageSearch, useSearchPatch } from '../../lib/routeSearch.ts'

/** The jobs page's URL keys the graph reads and writes (the codec lives with the jobs entity). */
export type FlowSearch = JobsSearch

/**
 * The graph's URL state: the fold view (`?depth`, `?folded`), the selection, and the link to a job page
 * (which carries the view and the replayed instant `?at=` along, so "Back to jobs" returns to the same picture).
 */
export function useFlowUrlView(deploymentId: string, model: FlowModel | undefined) {
  const search = usePageSearch(jobsSearch)
  const patchSearch = useSearchPatch<FlowSearch>()

  // URL ↔ ids: the deployment prefix is implied in the URL (`?folded=fsn1:bootstrap-kit`); both spellings
  // are accepted, and ids of other shapes (the chroot emitter's `<region>:bp-x`) pass through.
  const tokenOf = useCallback((id: string) => bareJobName(deploymentId, id), [deploymentId])
  const idOf = useCallback(
    (token: string) => {
      if (token.startsWith(`${deploymentId}:`)) return token
      const full = `${deploymentId}:${token}`
      if (model?.nodes.has(full) || !model?.nodes.has(token)) return full
      return token
    },
    [deploymentId, model],
  )

  const depth: Depth = parseDepth(search.depth)
  const foldedRaw = search.folded ?? ''
  const folded = useMemo(
    () =>
      new Set(
        foldedRaw
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
          .map(idOf),
      ),
    [foldedRaw, idOf],
  )
  const view = useMemo<FoldView>(() => ({ depth, folded }), [depth, folded])

  const selectedId = useMemo(() => {
    if (!search.selected || !model) return undefined
    const id = idOf(search.selected)
    return model.nodes.has(id) ? id : undefined
  }, [search.selected, model, idOf])

  const updateSearch = useCallback((patch: Partial<FlowSearch>) => patchSearch(patch), [patchSearch])

  const foldedParam = useCallback(
    (v: FoldView) => [...v.folded].map(tokenOf).sort().join(',') || undefined,
    [tokenOf],
  )

  const applyView = useCallback(
    (v: FoldView, extra: Partial<FlowSearch> = {}) =>
      updateSearch({ depth: depthParam(v.depth), folded: foldedParam(v), ...extra }),
    [updateSearch, foldedParam],
  )

  const select = useCallback(
    (id: string | undefined) => updateSearch({ selected: id ? tokenOf(id) : undefined }),
    [updateSearch, tokenOf],
  )

  const jobTarget = useCallback(
    (id: string): LinkTarget => ({
      page: 'job',
      deploymentId,
      jobId: id,
      search: { depth: search.depth, folded: search.folded, at: search.at },
    }),
    [deploymentId, search.depth, search.folded, search.at],
  )

  return {
    search,
    tokenOf,
    idOf,
    depth,
    folded,
    view,
    selectedId,
    updateSearch,
    foldedParam,
    applyView,
    select,
    jobTarget,
  }
}
