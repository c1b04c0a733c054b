import { useQuery } from '@tanstack/react-query'
import { deploymentQueryOptions } from '../../../entities/deployment/deploymentQueries.ts'
import { errorMessage, isApiError } from '../../../lib/http.ts'
import type { DeleteMode } from './deleteRules.ts'
import type { DeleteTarget } from './DeleteDeploymentDialog.tsx'
import { ANSWER_TIMEOUT_MS } from './useAnswerDeadline.ts'
import styles from './DeleteDeploymentDialog.module.css'

/** The request timed out: said in words, with the deployment's status read again. */
export function NoAnswerNotice({ target, mode }: { target: DeleteTarget; mode: DeleteMode }) {
  const state = useQuery(deploymentQueryOptions(target.id))
  const minutes = Math.round(ANSWER_TIMEOUT_MS / 60_000)
  return (
    <div role="alert" className={styles.failure}>
      <strong>The server did not answer</strong>
      <p>
        The {mode === 'wipe' ? 'wipe' : 'delete'} request for {target.fqdn} got no answer within {minutes}{' '}
        minutes and was stopped. Whether it was carried out is unknown. The token was cleared from the field.
      </p>
      <p>
        {state.isPending
          ? 'Reading its current status…'
          : state.error
            ? isApiError(state.error) && state.error.status === 404
              ? 'Its record no longer exists: it was deleted.'
              : `Its current status could not be read: ${errorMessage(state.error)}`
            : `Its status now: ${state.data.status}.`}
      </p>
    </div>
  )
}
