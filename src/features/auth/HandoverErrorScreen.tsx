import { AppLink } from '../../components/AppLink.tsx'
import { CenteredCard, cardStyles } from '../../components/CenteredCard.tsx'
import { usePageSearch } from '../../lib/routeSearch.ts'
import { handoverErrorSearch } from '../../entities/session/loginSearch.ts'

/**
 * What each server reason means for the operator. Only these known reasons are ever shown (quoted, for
 * support): the query string is attacker-controlled — a link can carry any text ("call this number…") —
 * so anything else gets the generic sentence and is never echoed.
 */
const EXPLANATIONS: Record<string, string> = {
  'token already used': 'This handover link was already used. Each link signs in once.',
  'token expired': 'This handover link has expired. Links are valid for 5 minutes.',
  'invalid token': 'This handover link is not valid. It may have been cut off when it was copied.',
  'missing token': 'The handover link has no token. Open it again from the mothership.',
  'token audience mismatch': 'This handover link is for a different Sovereign console.',
  'token is for another Sovereign': 'This handover link is for a different Sovereign console.',
}

/** `/auth/handover-error?reason=`: why the handover link did not sign you in, and what to do. */
export function HandoverErrorScreen() {
  const { reason } = usePageSearch(handoverErrorSearch)
  const clean = reason
    // eslint-disable-next-line no-control-regex
    ?.replace(/[\u0000-\u001f\u007f]/g, ' ')
    .trim()
    .slice(0, 200)
  const explanation = clean ? EXPLANATIONS[clean.toLowerCase()] : undefined
  return (
    <CenteredCard title="The handover link did not work">
      <div role="alert" className={cardStyles.error}>
        <p>{explanation ?? (clean ? 'The handover link was rejected.' : 'The handover link was invalid.')}</p>
        {explanation ? (
          <p>
            Reason: <q>{clean}</q>
          </p>
        ) : null}
      </div>
      <p className="muted">
        Open the deployment on the mothership console to get a fresh handover link, or sign in here with your
        email.
      </p>
      <AppLink className="btn btn-primary" to={{ page: 'login' }}>
        Sign in with email
      </AppLink>
    </CenteredCard>
  )
}
