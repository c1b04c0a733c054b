import type { ConsoleMode } from '../../lib/mode.ts'

/** The UserAccess collection on the wire: the Sovereign's own, or one deployment's via the mothership. */
export function userAccessPath(mode: ConsoleMode, deploymentId: string, name?: string): string {
  const base =
    mode === 'sovereign'
      ? '/v1/admin/user-access'
      : `/v1/deployments/${encodeURIComponent(deploymentId)}/admin/user-access`
  return name === undefined ? base : `${base}/${encodeURIComponent(name)}`
}
