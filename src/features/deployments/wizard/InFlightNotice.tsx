import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { AppLink } from '../../../components/AppLink.tsx'
import { deploymentsQueryOptions } from '../../../entities/deployment/deploymentQueries.ts'
import { errorMessage } from '../../../lib/http.ts'
import { inFlightFor, inFlightHeadline } from './inFlight.ts'
import styles from './WizardScreen.module.css'

/** Links shown before "and N more" (the list has the rest). */
const SHOWN = 5

/**
 * On entry to the wizard: the operator's deployments still running, with links, so nobody starts a second
 * run without knowing about the first. Loading is silent (the wizard is usable at once); a failed check
 * says so with a Retry rather than pretending nothing runs.
 */
export function InFlightNotice({ email }: { email: string | undefined }) {
  const list = useQuery(deploymentsQueryOptions())
  const headingId = useId()
  if (list.isPending) return null
  if (list.isError)
    return (
      <div role="alert" className={styles.problems}>
        Could not check for deployments in flight: {errorMessage(list.error)}{' '}
        <button type="button" className="btn btn-sm" onClick={() => void list.refetch()}>
          Retry
        </button>
      </div>
    )
  const running = inFlightFor(list.data, email)
  if (running.length === 0) return null
  return (
    <section aria-labelledby={headingId} className={styles.problems}>
      <strong id={headingId}>{inFlightHeadline(running.length)}</strong>
      <p className={styles.inFlightLead}>
        Starting another one creates a separate Sovereign (and bills separately). Open a running one to follow
        it instead:
      </p>
      <ul>
        {running.slice(0, SHOWN).map((d) => (
          <li key={d.id}>
            <AppLink to={{ page: 'overview', deploymentId: d.id }} className="mono">
              {d.sovereignFQDN || d.id}
            </AppLink>{' '}
            <span className="muted">({d.status})</span>
          </li>
        ))}
      </ul>
      {running.length > SHOWN ? (
        <p className={styles.inFlightLead}>
          and {running.length - SHOWN} more —{' '}
          <AppLink to={{ page: 'deployments' }}>see them all in the deployments list</AppLink>
        </p>
      ) : null}
    </section>
  )
}
