import { useRouterState } from '@tanstack/react-router'
import { lazy, Suspense } from 'react'

// The notice's words, link and notification load only when an id is malformed: they are not part of the
// first load (issue 17's entry budget).
const MalformedIdNotice = lazy(() =>
  import('./MalformedIdNotice.tsx').then((m) => ({ default: m.MalformedIdNotice })),
)

/** The id in the URL when the provision route marked it malformed (mothership only: see surfaces.ts). */
function useMalformedDeploymentId(): string | undefined {
  return useRouterState({
    select: (s) => {
      for (const m of s.matches) {
        const c = m.context as { malformedDeploymentId?: boolean; deploymentId?: string } | undefined
        if (c?.malformedDeploymentId) return c.deploymentId
      }
      return undefined
    },
  })
}

/**
 * Where "Deployment id in the URL is malformed" appears. Render it inside
 * `<OnlyIn surface="malformedDeploymentId">` — a Sovereign's id never comes from the URL (regression 48).
 */
export function MalformedIdSlot() {
  const id = useMalformedDeploymentId()
  if (id === undefined) return null
  return (
    <Suspense fallback={null}>
      <MalformedIdNotice id={id} />
    </Suspense>
  )
}
