import { useRouter, type ErrorComponentProps, type NotFoundRouteProps } from '@tanstack/react-router'
import { AppLink } from '../../components/AppLink.tsx'
import { CenteredCard } from '../../components/CenteredCard.tsx'
import { ErrorState } from '../../components/States.tsx'
import { useDeploymentId } from '../../lib/deploymentScope.ts'
import { isApiError } from '../../lib/http.ts'
import { OnlyIn, useMode } from '../../lib/modeContext.tsx'
import styles from './SystemScreens.module.css'

/** Unknown paths outside the signed-in frame: a real page with a way home. */
export function NotFoundScreen() {
  return (
    <CenteredCard title="Page not found">
      <p className="muted">There is nothing at this address. It may have moved, or the link is mistyped.</p>
      <AppLink className="btn btn-primary" to={{ page: 'home' }}>
        Go to the start page
      </AppLink>
    </CenteredCard>
  )
}

/** Unknown paths inside the signed-in frame (sidebar and header stay): the way home, and back to the deployment. */
export function ShellNotFound() {
  const deploymentId = useDeploymentId()
  const { mode } = useMode()
  return (
    <section className={styles.box} aria-labelledby="shell-not-found">
      <h1 id="shell-not-found" tabIndex={-1} data-page-heading="">
        Page not found
      </h1>
      <p className="muted">There is nothing at this address. It may have moved, or the link is mistyped.</p>
      <div className={styles.actions}>
        {deploymentId && mode === 'mothership' ? (
          <AppLink className="btn btn-primary" to={{ page: 'overview', deploymentId }}>
            Back to the deployment
          </AppLink>
        ) : null}
        <AppLink
          className={deploymentId && mode === 'mothership' ? 'btn' : 'btn btn-primary'}
          to={{ page: 'home' }}
        >
          Go to the start page
        </AppLink>
      </div>
    </section>
  )
}

/** `/provision/<id>/…` for an id the API does not know (or that the user may not see). */
export function DeploymentNotFound({ data }: NotFoundRouteProps) {
  const id = (data as { deploymentId?: string } | undefined)?.deploymentId
  if (!id) return <ShellNotFound />
  return (
    <section className={styles.box} aria-labelledby="deployment-not-found">
      <h1 id="deployment-not-found" tabIndex={-1} data-page-heading="">
        Deployment not found
      </h1>
      <p className="muted">
        No deployment <code className={styles.id}>{id}</code> exists, or you are not allowed to see it. It may
        have been deleted.
      </p>
      <div className={styles.actions}>
        <OnlyIn surface="deploymentsList">
          <AppLink className="btn btn-primary" to={{ page: 'deployments' }}>
            Go to the deployments
          </AppLink>
        </OnlyIn>
      </div>
    </section>
  )
}

/**
 * Per-route error boundary: a readable message and a retry that re-runs the route's loaders. Rendered in
 * place of the failing route only, so the shell (sidebar, header) stays usable.
 */
export function RouteErrorScreen({ error, reset }: ErrorComponentProps) {
  const router = useRouter()
  const notFound = isApiError(error) && error.status === 404
  const unreachable = isApiError(error) && error.kind === 'network'
  const title = notFound
    ? 'Not found'
    : unreachable
      ? 'The API could not be reached'
      : 'This page could not be loaded'
  return (
    <div className={styles.errorWrap}>
      <h1 className="sr-only" tabIndex={-1} data-page-heading="">
        {title}
      </h1>
      <ErrorState
        title={title}
        error={error}
        onRetry={() => {
          reset()
          void router.invalidate()
        }}
      />
    </div>
  )
}

/** A `console.<fqdn>` host that the API says is not a Sovereign (shown inside the frame). */
export function NotASovereignScreen({ fqdn }: { fqdn: string | undefined }) {
  return (
    <section className={styles.box} aria-labelledby="not-a-sovereign">
      <h1 id="not-a-sovereign" tabIndex={-1} data-page-heading="">
        No Sovereign answers here
      </h1>
      <p className="muted">
        This address looks like the console of <strong>{fqdn}</strong>, but its API says it is not a
        Sovereign. Check the address, or open the mothership console.
      </p>
    </section>
  )
}

/** `/sovereign/self` answered 404 on a `console.<fqdn>` host: this API serves no Sovereign. */
export class NotASovereignError extends Error {
  /** A state the page explains, not a bug (main.tsx logs it as a warning). */
  readonly expected = true
  constructor() {
    super('The API behind this address is not a Sovereign.')
    this.name = 'NotASovereignError'
  }
}

/** The Sovereign layout's error: "not a Sovereign" explained, anything else as a route error. */
export function SovereignErrorScreen(props: ErrorComponentProps) {
  const { sovereignFQDN } = useMode()
  if (props.error instanceof NotASovereignError) return <NotASovereignScreen fqdn={sovereignFQDN} />
  return <RouteErrorScreen {...props} />
}
