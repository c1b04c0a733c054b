/**
 * The one source of truth for the theme: a preference (light, dark or system) persisted in localStorage
 * and applied as `data-theme` on <html>. `public/theme-init.js` applies the same rule before first paint.
 * Canvas and terminal code read colours from the CSS variables through `readThemeTokens`.
 */
export type ThemePreference = 'light' | 'dark' | 'system'
export type ResolvedTheme = 'light' | 'dark'

const STORAGE_KEY = 'cc-theme'
const listeners = new Set<() => void>()

function systemTheme(): ResolvedTheme {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: light)').matches
    ? 'light'
    : 'dark'
}

function storedPreference(): ThemePreference {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY)
    return v === 'light' || v === 'dark' ? v : 'system'
  } catch {
    return 'system'
  }
}

let preference: ThemePreference = typeof window === 'undefined' ? 'system' : storedPreference()

export function resolvedTheme(): ResolvedTheme {
  return preference === 'system' ? systemTheme() : preference
}

function apply(): void {
  document.documentElement.dataset.theme = resolvedTheme()
  for (const l of listeners) l()
}

export function themePreference(): ThemePreference {
  return preference
}

export function setThemePreference(p: ThemePreference): void {
  preference = p
  try {
    if (p === 'system') window.localStorage.removeItem(STORAGE_KEY)
    else window.localStorage.setItem(STORAGE_KEY, p)
  } catch {
    // storage unavailable (private mode): the choice lasts for this page only
  }
  apply()
}

export function subscribeTheme(l: () => void): () => void {
  listeners.add(l)
  return () => listeners.delete(l)
}

/** Follow OS changes while the preference is "system"; and other tabs' choices. */
export function startThemeSync(): () => void {
  const mq = window.matchMedia?.('(prefers-color-scheme: light)')
  const onOs = () => {
    if (preference === 'system') apply()
  }
  const onStorage = (e: StorageEvent) => {
    if (e.key === STORAGE_KEY) {
      preference = storedPreference()
      apply()
    }
  }
  mq?.addEventListener('change', onOs)
  window.addEventListener('storage', onStorage)
  // The OS (or another tab) may have changed between theme-init.js and this listener attaching.
  preference = storedPreference()
  apply()
  return () => {
    mq?.removeEventListener('change', onOs)
    window.removeEventListener('storage', onStorage)
  }
}

/** Current value of CSS custom properties (e.g. `--status-failed`) for canvas and terminal drawing. */
export function readThemeTokens<K extends string>(names: readonly K[]): Record<K, string> {
  const style = getComputedStyle(document.documentElement)
  const out = {} as Record<K, string>
  for (const n of names) out[n] = style.getPropertyValue(`--${n}`).trim()
  return out
}
