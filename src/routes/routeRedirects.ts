/**
 * The route table's redirect maps (data): legacy cloud sub-paths, page words typed into the mothership's
 * `$deploymentId` slot, and `/app/<word>` on a Sovereign. Moved out of routeTable.tsx, which re-exports them.
 */

/** Legacy infrastructure/cloud sub-paths → `/cloud?view=…&kind=…` (upstream mapping). */
export const LEGACY_CLOUD: Record<string, { view: 'graph' | 'list'; kind?: string }> = {
  '': { view: 'graph' },
  architecture: { view: 'graph' },
  topology: { view: 'graph' },
  compute: { view: 'list', kind: 'clusters' },
  'compute/clusters': { view: 'list', kind: 'clusters' },
  'compute/nodes': { view: 'list', kind: 'nodes' },
  'compute/pools': { view: 'list', kind: 'node-pools' },
  network: { view: 'list', kind: 'load-balancers' },
  'network/load-balancers': { view: 'list', kind: 'load-balancers' },
  'network/networks': { view: 'list', kind: 'networks' },
  storage: { view: 'list', kind: 'pvcs' },
  'storage/pvcs': { view: 'list', kind: 'pvcs' },
  'storage/volumes': { view: 'list', kind: 'volumes' },
  'storage/buckets': { view: 'list', kind: 'buckets' },
}

/**
 * Words that name pages, typed into the mothership's `$deploymentId` slot (`/provision/deployments`,
 * `/provision/jobs`): never a deployment id (those are 16 hex chars), so they go where the word points,
 * else to the deployments list where a deployment can be picked.
 */
export const RESERVED_DEPLOYMENT_WORDS: Record<string, string> = {
  deployments: '/deployments',
  wizard: '/wizard',
  new: '/wizard',
  dashboard: '/app/dashboard',
  fleet: '/app/dashboard',
  app: '/app/dashboard',
  provision: '/deployments',
  overview: '/deployments',
  jobs: '/deployments',
  cloud: '/deployments',
  infrastructure: '/deployments',
  apps: '/deployments',
  users: '/deployments',
  settings: '/deployments',
  login: '/deployments',
}

/**
 * `/app/<word>[/…]` on a Sovereign: mothership surfaces or page names, never components (regressions 1,
 * 3). The fleet and mothership-only sections land on the dashboard; page names land on that page.
 */
export const SOVEREIGN_APP_RESERVED: Record<string, string> = {
  dashboard: '/dashboard',
  install: '/dashboard',
  sre: '/dashboard',
  sec: '/dashboard',
  blueprints: '/dashboard',
  settings: '/dashboard',
  rbac: '/dashboard',
  fleet: '/dashboard',
  deployments: '/dashboard',
  applications: '/apps',
  apps: '/apps',
  users: '/users',
  jobs: '/jobs',
  cloud: '/cloud',
}
