/** The lifecycle planner (issue 14 split): one file per phase, `computeTimeline.ts` orchestrates them. */
export { computeTimeline } from './computeTimeline.ts'
export { executionId } from './executionId.ts'
export { installJobName } from './planInstalls.ts'
export { regionPlans } from './regionPlans.ts'
export { jobStatusAt } from './statusTimeline.ts'
export * from './types.ts'
