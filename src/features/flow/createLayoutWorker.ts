/** The one place that knows how the layout worker is started (tests replace this module). */
export const createLayoutWorker = (): Worker =>
  new Worker(new URL('../../graph/forceLayout.worker.ts', import.meta.url), { type: 'module' })
