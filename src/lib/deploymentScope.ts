import { useRouterState } from '@tanstack/react-router'

/**
 * The deployment the current page is about: the `$deploymentId` param on the mothership, the id from
 * `/sovereign/self` on a Sovereign (both put into route context by the route table), '' when none.
 */
export function useDeploymentId(): string {
  return useRouterState({
    select: (s) => {
      for (let i = s.matches.length - 1; i >= 0; i--) {
        const id = (s.matches[i]?.context as { deploymentId?: string } | undefined)?.deploymentId
        if (id) return id
      }
      return ''
    },
  })
}
