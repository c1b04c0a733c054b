/**
 * The one query-key style of the app: every resource exports a `<resource>Keys` factory of `as const`
 * tuples, and everything a deployment owns nests under `deploymentKeys.scope(id)` — so invalidating
 * `deploymentKeys.all` refreshes the list and every per-deployment view, and a wipe can drop one scope.
 */
export const deploymentKeys = {
  all: ['deployments'] as const,
  list: () => ['deployments', 'list'] as const,
  scope: (id: string) => ['deployments', id] as const,
  detail: (id: string) => ['deployments', id, 'state'] as const,
  componentsState: (id: string) => ['deployments', id, 'components-state'] as const,
}

/** Calls the wizard makes before a deployment exists. */
export const wizardKeys = {
  subdomainCheck: (poolDomain: string, subdomain: string) =>
    ['wizard', 'subdomain-check', poolDomain, subdomain] as const,
}
