import { useSyncExternalStore } from 'react'
import { resolvedTheme, setThemePreference, subscribeTheme } from '../../lib/theme.ts'

/** Sun/moon button: flips the one theme store (the profile menu's Theme choice reads the same store). */
export function ThemeToggle() {
  const theme = useSyncExternalStore(subscribeTheme, resolvedTheme, () => 'dark' as const)
  const nextTheme = theme === 'dark' ? 'light' : 'dark'
  return (
    <button
      type="button"
      className="btn btn-ghost btn-icon"
      aria-label={`Switch to ${nextTheme} theme`}
      title={`Switch to ${nextTheme} theme`}
      onClick={() => setThemePreference(nextTheme)}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
    </button>
  )
}
