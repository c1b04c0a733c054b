import { useSearch } from '@tanstack/react-router'
import { AppLink } from '../../components/AppLink.tsx'
import { CenteredCard, cardStyles } from '../../components/CenteredCard.tsx'

/** `/auth/handover-error?reason=`: why the handover link did not sign you in, and what to do. */
export function HandoverErrorScreen() {
  const { reason } = useSearch({ strict: false }) as { reason?: string }
  return (
    <CenteredCard title="The handover link did not work">
      <p role="alert" className={cardStyles.error}>
        {reason ? `Reason: ${reason}.` : 'The link was invalid.'}
      </p>
      <p className="muted">
        Handover links are single-use and expire after 5 minutes. Open the deployment on the mothership to get
        a fresh link, or sign in with your email.
      </p>
      <AppLink className="btn btn-primary" to={{ page: 'login' }}>
        Sign in with email
      </AppLink>
    </CenteredCard>
  )
}
