/**
 * A click that is only a click: the pointer moved no more than 3 px between press and release and no text
 * got selected. The log viewer's line numbers and cut lines react to these, so dragging to select text
 * never also jumps to a line.
 */
export function onPlainClick(
  el: HTMLElement,
  selecting: () => boolean,
  cb: (clientX: number, clientY: number) => void,
): () => void {
  let down: { x: number; y: number } | undefined
  const onDown = (e: MouseEvent) => {
    down = { x: e.clientX, y: e.clientY }
  }
  const onUp = (e: MouseEvent) => {
    const start = down
    down = undefined
    if (!start || Math.abs(e.clientX - start.x) > 3 || Math.abs(e.clientY - start.y) > 3) return
    if (selecting()) return
    cb(e.clientX, e.clientY)
  }
  el.addEventListener('mousedown', onDown)
  el.addEventListener('mouseup', onUp)
  return () => {
    el.removeEventListener('mousedown', onDown)
    el.removeEventListener('mouseup', onUp)
  }
}
