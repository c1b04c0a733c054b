import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { splitHref } from '../../lib/links.ts'
import { useCallback } from 'react'
import { kubeconfigLink } from '../../entities/deployment/kubeconfig.ts'
import { endSession } from '../../entities/session/signOut.ts'
import { useDeploymentId } from '../../lib/deploymentScope.ts'
import { useLinks } from '../../lib/modeContext.tsx'
import { notify } from '../../lib/notifications.ts'
import { resolvedTheme, setThemePreference } from '../../lib/theme.ts'
import type { PaletteAction, PaletteEntry } from './paletteItems.ts'
import { pushRecent } from './recentItems.ts'

/** Runs a palette entry: remembers it as recent, then navigates or performs its action. */
export function usePaletteRunner(): (entry: PaletteEntry) => void {
  const navigate = useNavigate()
  const links = useLinks()
  const deploymentId = useDeploymentId()
  const queryClient = useQueryClient()

  const act = useCallback(
    async (action: PaletteAction) => {
      switch (action) {
        case 'toggle-theme':
          setThemePreference(resolvedTheme() === 'dark' ? 'light' : 'dark')
          return
        case 'copy-kubeconfig-link': {
          const url = kubeconfigLink(deploymentId, window.location.origin)
          try {
            await navigator.clipboard.writeText(url)
            notify({
              id: 'palette-kubeconfig-link',
              level: 'success',
              title: 'Kubeconfig link copied',
              body: url,
            })
          } catch {
            notify({
              id: 'palette-kubeconfig-link',
              level: 'warn',
              title: 'Could not copy to the clipboard',
              body: `The kubeconfig link is ${url}`,
            })
          }
          return
        }
        case 'sign-out':
          await endSession(queryClient)
          await navigate({ to: '/login', replace: true })
          return
      }
    },
    [deploymentId, navigate, queryClient],
  )

  return useCallback(
    (entry: PaletteEntry) => {
      pushRecent(entry.id)
      if ('go' in entry.run) {
        const { to, search, hash } = splitHref(links.to(entry.run.go))
        void navigate({ to, search, hash })
      } else void act(entry.run.action)
    },
    [links, navigate, act],
  )
}
