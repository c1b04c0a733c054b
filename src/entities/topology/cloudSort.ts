/**
 * The cloud lists' sort in the URL (`?sort=&dir=`), through the one sort codec (lib/sortCodec.ts). Apart
 * from the search codec (cloudSearch.ts), which the route table — and so the entry chunk — imports.
 */
import { sortCodec } from '../../lib/sortCodec.ts'
import type { CloudSearch } from './cloudSearch.ts'

/** The cloud lists' sort: any column (each kind has its own), text A→Z first (lib/sortCodec.ts). */
export const CLOUD_SORT = sortCodec<string>('any')

/** The list sort the URL asks for; `?sort=-name` (bookmarks from before `dir`) still reads as descending. */
export function cloudSort(
  search: Pick<CloudSearch, 'sort' | 'dir'>,
): { id: string; desc: boolean } | undefined {
  const legacy = !search.dir && search.sort?.startsWith('-')
  const s = legacy
    ? CLOUD_SORT.parse(search.sort!.slice(1), 'desc')
    : CLOUD_SORT.parse(search.sort, search.dir)
  return s && { id: s.column, desc: s.desc }
}

/** The URL params after clicking `column`'s header: ascending first, then descending, then ascending again. */
export function nextCloudSort(
  search: Pick<CloudSearch, 'sort' | 'dir'>,
  column: string,
): Pick<CloudSearch, 'sort' | 'dir'> {
  const current = cloudSort(search)
  return CLOUD_SORT.toSearch(CLOUD_SORT.next(current && { column: current.id, desc: current.desc }, column))
}
