import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useRouter } from '@tanstack/react-router'
import { useSyncExternalStore } from 'react'
import { whoamiQueryOptions } from '../../lib/api/whoamiQueryOptions.ts'
import { useMode } from '../../lib/modeContext.tsx'
import { resolvedTheme, setThemePreference, subscribeTheme } from '../../lib/theme.ts'
import { signOut } from '../../lib/api/session.ts'
import styles from './AppShell.module.css'

export function Header() {
  const mode = useMode()
  const me = useQuery(whoamiQueryOptions())
  const theme = useSyncExternalStore(subscribeTheme, resolvedTheme, () => 'dark' as const)
  const queryClient = useQueryClient()
  const router = useRouter()
  const logout = async () => {
    try {
      await signOut()
    } finally {
      queryClient.clear()
      await router.navigate({ to: '/login', replace: true })
    }
  }
  return (
    <header className={styles.header}>
      <span
        className={styles.modeBadge}
        data-mode={mode.mode}
        aria-label={
          mode.mode === 'sovereign' ? `Sovereign console of ${mode.sovereignFQDN}` : 'Mothership console'
        }
      >
        {mode.mode === 'sovereign' ? `Sovereign · ${mode.sovereignFQDN}` : 'Mothership'}
      </span>
      <div className={styles.headerActions}>
        <button
          type="button"
          className="btn btn-ghost"
          aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
          onClick={() => setThemePreference(theme === 'dark' ? 'light' : 'dark')}
        >
          {theme === 'dark' ? '☀' : '☾'}
        </button>
        <span className="muted">{me.data?.email}</span>
        <button type="button" className="btn btn-sm" onClick={() => void logout()}>
          Sign out
        </button>
      </div>
    </header>
  )
}
