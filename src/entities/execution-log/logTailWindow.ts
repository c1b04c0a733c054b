/** The last lines of an execution as a page shows them: the window to fetch and the text without escapes. Pure. */

/** ANSI escape sequences (CSI colour/cursor codes and OSC titles/links) — the page shows plain text. */
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g

/** Removes ANSI escapes and other control characters except tab. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(ANSI, '').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
}

/** The 1-based window holding the last `n` of `total` lines: `{fromLine, limit}`. */
export function tailWindow(total: number, n = 50): { fromLine: number; limit: number } {
  const t = Math.max(0, Math.floor(total))
  const size = Math.max(1, Math.floor(n))
  return { fromLine: Math.max(1, t - size + 1), limit: size }
}
