import { AppLink } from '../../components/AppLink.tsx'
import { openPalette } from '../../lib/commandPalette.ts'
import { useMode } from '../../lib/modeContext.tsx'
import { NotificationBell } from './NotificationBell.tsx'
import { ProfileMenu } from './ProfileMenu.tsx'
import { ThemeToggle } from './ThemeToggle.tsx'
import { useRouteTitle } from './usePageTitle.ts'
import styles from './AppShell.module.css'

/** The palette's shortcut as the keyboard labels it. */
const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent)

/**
 * Sticky header: which console this is, the page title, the command palette, notifications, theme and
 * the profile menu.
 */
export function Header() {
  const mode = useMode()
  const title = useRouteTitle()
  const sovereign = mode.mode === 'sovereign'
  return (
    <header className={styles.header}>
      <div className={styles.headerStart}>
        <AppLink
          to={{ page: 'home' }}
          className={styles.modeBadge}
          data-mode={mode.mode}
          title={sovereign ? 'This console manages one Sovereign only' : 'The mothership: every deployment'}
        >
          {sovereign ? (
            <>
              Sovereign console <span className={styles.modeFqdn}>{mode.sovereignFQDN}</span>
            </>
          ) : (
            'Mothership console'
          )}
        </AppLink>
        {title ? <span className={styles.pageTitle}>{title}</span> : null}
      </div>
      <div className={styles.headerActions}>
        <button
          type="button"
          className={`btn btn-ghost ${styles.paletteButton}`}
          aria-keyshortcuts="Control+K Meta+K"
          onClick={openPalette}
        >
          Search / commands
          <kbd className={styles.kbd} aria-hidden="true">
            {MAC ? '⌘K' : 'Ctrl K'}
          </kbd>
        </button>
        <NotificationBell />
        <ThemeToggle />
        <ProfileMenu />
      </div>
    </header>
  )
}
