import { keyedHex } from '../rng.ts'

/** Deterministic execution id (32 hex) for an attempt. */
export function executionId(deploymentId: string, jobName: string, attempt: number): string {
  return keyedHex(`${deploymentId}:${jobName}:exec:${attempt}`, 16)
}
