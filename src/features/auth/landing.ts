import type { ConsoleMode } from '../../lib/mode.ts'
import { sanitiseNext } from '../../lib/safeNext.ts'

/** Where a fresh sign-in goes without a `next`: the Sovereign's dashboard, the mothership's wizard (regression 4). */
export function defaultLanding(mode: ConsoleMode): string {
  return mode === 'sovereign' ? '/dashboard' : '/wizard'
}

/** The router path to open after sign-in: the sanitised `next` (regressions 5–7), else the mode's default. */
export function landingAfterSignIn(mode: ConsoleMode, next: unknown): string {
  const safe = sanitiseNext(next)
  return safe && safe !== '/' ? safe : defaultLanding(mode)
}
