import type { Page } from '@playwright/test'

/**
 * Waits until the page has rendered two more animation frames: a change just made (a key press, a theme
 * switch, an applied snapshot) is computed and painted, so what is read next — or found absent — means
 * something. A wait for the page's own frames, not for time.
 */
export function afterTwoFrames(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
  )
}
