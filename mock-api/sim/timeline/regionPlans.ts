import type { DeploymentRequest } from '../../../src/contracts/deployments.ts'
import type { RegionPlan } from './types.ts'

export function regionPlans(request: DeploymentRequest): RegionPlan[] {
  return request.regions.map((r, index) => ({
    key: index === 0 ? r.cloudRegion : `${r.cloudRegion}-${index}`,
    cloudRegion: r.cloudRegion,
    index,
    primary: index === 0,
    controlPlaneSize: r.controlPlaneSize,
    workerSize: r.workerSize,
    workerCount: r.workerCount,
  }))
}
