/**
 * Moves focus to the new page's heading after a path change. Screens are lazy, so the router resolves
 * before the new `<h1>` is in the DOM: wait (a few frames at most) until a heading other than the previous
 * page's is there. Focus the operator has already placed is left alone:
 * - a page that focused its own first field (sign-in email, the code boxes) keeps that focus;
 * - an open modal (the command palette opened with Ctrl+K while the page was still loading, a confirm
 *   dialog) keeps it: the page behind a modal is inert, and pulling focus there left the palette open with
 *   its text box unfocused (seen on a loaded machine, where the heading came after the palette).
 */
export function focusNewHeading(
  previous: HTMLElement | null,
  framesLeft = 60,
  doc: Document = document,
  nextFrame: (run: () => void) => void = (run) => requestAnimationFrame(run),
): void {
  nextFrame(() => {
    if (focusIsPlaced(doc)) return
    const heading = doc.querySelector<HTMLElement>('[data-page-heading]')
    const isNew = heading && (heading !== previous || !previous?.isConnected)
    if (heading && (isNew || framesLeft <= 0)) heading.focus({ preventScroll: false })
    else if (framesLeft > 0) focusNewHeading(previous, framesLeft - 1, doc, nextFrame)
  })
}

function focusIsPlaced(doc: Document): boolean {
  // Radix marks its modal content role="dialog" (the rest of the page aria-hidden), without aria-modal.
  if (doc.querySelector('[role="dialog"], [role="alertdialog"], dialog[open]')) return true
  const active = doc.activeElement
  return !!active?.matches('input, textarea, select') && !!active.closest('main')
}
