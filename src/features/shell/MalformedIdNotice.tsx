import { useRouterState } from '@tanstack/react-router'
import { useEffect } from 'react'
import { AppLink } from '../../components/AppLink.tsx'
import { notify } from '../../lib/notifications.ts'
import styles from './AppShell.module.css'

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
 * "Deployment id in the URL is malformed": an inline notice and one notification. Render it inside
 * `<OnlyIn surface="malformedDeploymentId">` — a Sovereign's id never comes from the URL (regression 48).
 */
export function MalformedIdNotice() {
  const id = useMalformedDeploymentId()
  useEffect(() => {
    if (id === undefined) return
    notify({
      id: `malformed-deployment-id:${id}`,
      surface: 'malformedDeploymentId',
      level: 'warn',
      title: 'Deployment id in the URL is malformed',
      body: `“${id}” is not a deployment id: ids are 16 lowercase hexadecimal characters.`,
      href: '/deployments',
      hrefLabel: 'Pick a deployment',
    })
  }, [id])
  if (id === undefined) return null
  return (
    <div className={styles.notice} role="alert">
      <span>
        <strong>Deployment id in the URL is malformed.</strong> “<code className={styles.noticeId}>{id}</code>
        ” is not a deployment id — ids are 16 lowercase hexadecimal characters. Check the link.
      </span>
      <AppLink className="btn btn-sm" to={{ page: 'deployments' }}>
        Pick a deployment
      </AppLink>
    </div>
  )
}
