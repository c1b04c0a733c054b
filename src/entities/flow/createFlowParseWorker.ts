/** The one place that knows how the flow parse worker is started (tests replace this module). */
export const createFlowParseWorker = (): Worker =>
  new Worker(new URL('./flowParse.worker.ts', import.meta.url), { type: 'module' })
