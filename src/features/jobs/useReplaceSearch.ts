import { useNavigate } from '@tanstack/react-router'
import { useCallback } from 'react'
import { splitHref } from '../../lib/links.ts'
import type { LinkTarget, Search } from '../../lib/links.ts'
import { useLinks } from '../../lib/modeContext.tsx'

/**
 * Replaces search params (and optionally the hash) of the current page through the one link builder, so
 * the path is never re-encoded by the router (`%3A` stays `%3A`) and the basepath is kept.
 */
export function useReplaceSearch<T extends Search>(target: (search: T, hash?: string) => LinkTarget) {
  const navigate = useNavigate()
  const links = useLinks()
  return useCallback(
    (search: T, hash?: string) => {
      const { to, search: s, hash: h } = splitHref(links.to(target(search, hash)))
      void navigate({ to, search: s, hash: h, replace: true, resetScroll: false })
    },
    [navigate, links, target],
  )
}

/** Drops empty values so URLs stay short (`?q=` never appears). */
export function compactSearch<T extends Record<string, unknown>>(s: T): T {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(s)) if (v !== undefined && v !== '' && v !== null) out[k] = v
  return out as T
}
