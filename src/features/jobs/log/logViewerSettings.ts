/**
 * The log viewer's display toggles (wrap, line numbers, timestamps), remembered per browser in
 * localStorage. Anything unreadable falls back to the defaults; storage being unavailable only means the
 * choice lasts for the page.
 */
import type { ViewerSettings } from './LogViewerEngine.ts'

const SETTINGS_KEY = 'cc-log-viewer'
const DEFAULT_SETTINGS: ViewerSettings = { wrap: true, lineNumbers: true, timestamps: false }

export function loadSettings(): ViewerSettings {
  try {
    const raw = window.localStorage.getItem(SETTINGS_KEY)
    const v = raw ? (JSON.parse(raw) as Partial<ViewerSettings>) : {}
    return {
      wrap: typeof v.wrap === 'boolean' ? v.wrap : DEFAULT_SETTINGS.wrap,
      lineNumbers: typeof v.lineNumbers === 'boolean' ? v.lineNumbers : DEFAULT_SETTINGS.lineNumbers,
      timestamps: typeof v.timestamps === 'boolean' ? v.timestamps : DEFAULT_SETTINGS.timestamps,
    }
  } catch {
    return DEFAULT_SETTINGS
  }
}

export function saveSettings(settings: ViewerSettings): void {
  try {
    window.localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings))
  } catch {
    // storage unavailable: the choice lasts for this page
  }
}
