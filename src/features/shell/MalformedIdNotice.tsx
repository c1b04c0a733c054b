import { useEffect } from 'react'
import { AppLink } from '../../components/AppLink.tsx'
import { notify } from '../../lib/notifications.ts'
import styles from './AppShell.module.css'

/** "Deployment id in the URL is malformed": an inline notice and one notification (MalformedIdSlot places it). */
export function MalformedIdNotice({ id }: { id: string }) {
  useEffect(() => {
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
