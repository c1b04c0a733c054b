import { useRouterState } from '@tanstack/react-router'
import { useEffect } from 'react'
import { useMode } from '../../lib/modeContext.tsx'

/** The deepest matched route's `staticData.title` ('' when none, e.g. a not-found page). */
export function useRouteTitle(): string {
  return useRouterState({
    select: (s) => {
      for (let i = s.matches.length - 1; i >= 0; i--) {
        const title = s.matches[i]?.staticData?.title
        if (title) return title
      }
      return s.matches.some((m) => m.status === 'notFound') ? 'Not found' : ''
    },
  })
}

/** Keeps the tab title in step: "Jobs · t126.omani.works" on a Sovereign, "Jobs · Catalyst" on the mothership. */
export function useDocumentTitle(): void {
  const title = useRouteTitle()
  const { sovereignFQDN } = useMode()
  const site = sovereignFQDN ?? 'Catalyst'
  useEffect(() => {
    document.title = title ? `${title} · ${site}` : `${site} console`
  }, [title, site])
}
