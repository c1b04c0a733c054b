/**
 * The one way a screen reads and writes its URL state. Each route validates its search with a codec
 * (`validateSearch`, the zod schemas in `entities/*`); a screen reads the same codec back with
 * `usePageSearch(codec)` — typed by the codec, never by a cast — and writes with `useSearchPatch()`, which
 * merges a patch into whatever else the URL holds (other screens' params survive).
 *
 * Why not the router's own inferred types: the route tree is built at run time for the page's mode (the
 * mothership and a Sovereign mount the same pages under different parents, and a Sovereign must not
 * register the mothership's routes at all — regression 2), so no static `Register` can describe it. The
 * codec is the type instead, and this file is the only one allowed to talk to the router untyped
 * (eslint forbids `strict: false` and `as never` everywhere else).
 */
import { useNavigate, useParams, useSearch } from '@tanstack/react-router'
import { useCallback, useMemo } from 'react'
import { splitHref, type LinkTarget, type Search } from './links.ts'
import { useLinks } from './modeContext.tsx'

/** What `validateSearch` runs and a screen reads back: a zod object schema, or anything with `parse`. */
export interface SearchCodec<T> {
  parse(raw: unknown): T
}

/** The current page's search params as its route's codec reads them (stable while the URL is). */
export function usePageSearch<T>(codec: SearchCodec<T>): T {
  const raw: unknown = useSearch({ strict: false })
  return useMemo(() => codec.parse(raw), [codec, raw])
}

/** A path parameter of the current page (`jobId`, `componentId`, `name`…), `undefined` when absent. */
export function usePageParam(name: string): string | undefined {
  const params: Readonly<Record<string, unknown>> = useParams({ strict: false })
  const v = params[name]
  return typeof v === 'string' ? v : undefined
}

export interface PatchOptions {
  /** Replace the history entry (filters, sorts, selections) instead of pushing one. Default true. */
  replace?: boolean
  resetScroll?: boolean
}

/**
 * Writes a patch into the current page's search params (`undefined` removes a param). Replaces the
 * history entry by default: typing a filter must not fill the back button.
 */
export function useSearchPatch<T extends Search>(): (patch: Partial<T>, opts?: PatchOptions) => void {
  const navigate = useNavigate()
  return useCallback(
    (patch, opts = {}) =>
      void navigate({
        to: '.',
        search: (prev: Search) => ({ ...prev, ...patch }),
        replace: opts.replace ?? true,
        resetScroll: opts.resetScroll,
      }),
    [navigate],
  )
}

/**
 * Goes to a page built by the one link builder. The path is handed over literally (`%3A` stays `%3A`,
 * the basepath is kept), the search params and hash as parts.
 */
export function useGoTo(): (target: LinkTarget, opts?: PatchOptions) => void {
  const navigate = useNavigate()
  const links = useLinks()
  return useCallback(
    (target, opts = {}) => {
      const { to, search, hash } = splitHref(links.to(target))
      void navigate({ to, search, hash, replace: opts.replace, resetScroll: opts.resetScroll })
    },
    [navigate, links],
  )
}
