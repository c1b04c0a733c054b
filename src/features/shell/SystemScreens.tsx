import { useRouter, type ErrorComponentProps } from '@tanstack/react-router'
import { AppLink } from '../../components/AppLink.tsx'
import { CenteredCard } from '../../components/CenteredCard.tsx'
import { ErrorState } from '../../components/States.tsx'
import { isApiError } from '../../lib/http.ts'

/** Unknown paths: a real page with a way home. */
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

/** Per-route error boundary: a readable message and a retry that re-runs the route's loaders. */
export function RouteErrorScreen({ error, reset }: ErrorComponentProps) {
  const router = useRouter()
  const notFound = isApiError(error) && error.status === 404
  return (
    <ErrorState
      title={notFound ? 'Not found' : 'This page could not be loaded'}
      error={error}
      onRetry={() => {
        reset()
        void router.invalidate()
      }}
    />
  )
}

/** A `console.<fqdn>` host that the API says is not a Sovereign. */
export function NotASovereignScreen({ fqdn }: { fqdn: string | undefined }) {
  return (
    <CenteredCard title="No Sovereign answers here">
      <p className="muted">
        This address looks like the console of <strong>{fqdn}</strong>, but its API says it is not a
        Sovereign. Check the address, or open the mothership console.
      </p>
    </CenteredCard>
  )
}
