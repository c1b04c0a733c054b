import { z } from 'zod'

const text = (max = 400) => z.string().max(max).optional().catch(undefined)

/**
 * Treemap controls and the drill path, all in the URL:
 * `?layers=cluster,namespace&size=cpu_request&color=health&drill=t126-mesh`.
 */
export const treemapSearch = z.object({
  layers: text(),
  size: text(32),
  color: text(32),
  drill: text(4000),
})
export type TreemapSearchParams = z.infer<typeof treemapSearch>
