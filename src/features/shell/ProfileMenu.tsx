import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense } from 'react'
import { whoamiQueryOptions } from '../../entities/session/whoamiQueries.ts'
import { useDeferredPopup } from '../../lib/useIdle.ts'
import styles from './ProfileMenu.module.css'

// Radix DropdownMenu (and Floating UI under it) load after the first paint, not with any route.
const ProfileMenuContent = lazy(() =>
  import('./ProfileMenuContent.tsx').then((m) => ({ default: m.ProfileMenuContent })),
)

/** The account avatar: the email's first letter. */
export function Avatar({ email }: { email: string }) {
  return (
    <span className={styles.avatar} aria-hidden="true">
      {(email.trim()[0] ?? '?').toUpperCase()}
    </span>
  )
}

/**
 * The account menu's trigger. The menu itself (ProfileMenuContent) is loaded when the browser is idle; until
 * then a stand-in with the same name opens it on arrival (click, Enter, Space or ArrowDown, as Radix does).
 */
export function ProfileMenu() {
  const me = useQuery(whoamiQueryOptions())
  const deferred = useDeferredPopup(OPEN_KEYS)
  const email = me.data?.email ?? ''
  const label = email ? `Account menu for ${email}` : 'Account menu'
  const standIn = (
    <button
      type="button"
      className={`btn btn-ghost ${styles.trigger}`}
      aria-label={label}
      aria-haspopup="menu"
      aria-expanded={false}
      {...deferred.trigger}
    >
      <Avatar email={email} />
    </button>
  )
  if (!deferred.load) return standIn
  return (
    <Suspense fallback={standIn}>
      <ProfileMenuContent label={label} popup={deferred.popup} />
    </Suspense>
  )
}

const OPEN_KEYS = ['ArrowDown'] as const
