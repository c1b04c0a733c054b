import { cardStyles as styles } from '../../components/CenteredCard.tsx'
import { useMode } from '../../lib/modeContext.tsx'

/** Development only (the API answered with `x-catalyst-mock: 1`): where the emailed code can be found. */
export function MockPinHint({ email }: { email: string }) {
  const { apiBase } = useMode()
  const query = `${apiBase}/__mock/pin?email=${encodeURIComponent(email || 'you@example.com')}`
  return (
    <aside className={styles.devHint} aria-label="Development sign-in help">
      <strong>Development mock API.</strong> No email is sent: the 6-digit code is printed in the terminal
      running the dev server, and <code>GET {query}</code> returns it.
    </aside>
  )
}
