import { z } from 'zod'
import { looseArray } from './common.ts'

/** `GET /sovereign/apps` row. */
export const SovereignApp = z.object({
  id: z.string(),
  slug: z.string(),
  status: z.string().default('pending'),
  marketplacePublished: z.boolean().default(false),
  environment: z.string().optional(),
  externalURL: z.string().optional(),
})
export type SovereignApp = z.infer<typeof SovereignApp>
export const SovereignApps = z.object({ apps: looseArray(SovereignApp) })

/** `PATCH /sovereign/apps/{slug}/publish` body; the answer is the app's row (`SovereignApp`). */
export const PublishRequest = z.object({ published: z.boolean() })

export const CatalogCard = z.object({
  title: z.string().default(''),
  summary: z.string().default(''),
  description: z.string().default(''),
  tagline: z.string().default(''),
  icon: z.string().optional(),
  iconLight: z.string().optional(),
  iconDark: z.string().optional(),
  category: z.string().default(''),
  family: z.string().default('other'),
  tags: looseArray(z.string()),
  license: z.string().optional(),
  docs: z.string().optional(),
})

/** Catalog blueprint (contract §2.12); ids are `bp-<slug>`, never `bp-bp-` (regression 47). */
export const CatalogBlueprint = z.object({
  name: z.string(),
  version: z.string().default(''),
  visibility: z.string().optional(),
  card: CatalogCard,
  upgradeFrom: looseArray(z.string()),
  upgradeBlocks: looseArray(z.string()),
  origin: z.string().optional(),
  source: z.string().optional(),
  org: z.string().optional(),
  versions: looseArray(z.object({ version: z.string(), chartRef: z.string().optional() })),
  chartRef: z.string().optional(),
  /** Mock extension: namespace and bootstrap-kit membership, used for app endpoints and chips. */
  namespace: z.string().optional(),
  bootstrap: z.boolean().optional(),
  dependsOn: looseArray(z.string()),
})
export type CatalogBlueprint = z.infer<typeof CatalogBlueprint>
export const Catalog = z.object({ items: looseArray(CatalogBlueprint) })
export type Catalog = z.infer<typeof Catalog>

/** `bp-<slug>` from a bare slug or an already-prefixed id (never doubles the prefix). */
export function blueprintId(slugOrId: string): string {
  return slugOrId.startsWith('bp-') ? slugOrId : `bp-${slugOrId}`
}

/** Bootstrap-kit charts that serve a UI or API on the Sovereign's domain: chart → host label (`<label>.<fqdn>`). */
export const PUBLIC_HOST_OF_CHART: Readonly<Record<string, string>> = {
  'catalyst-platform': 'console',
  keycloak: 'auth',
  gitea: 'gitea',
  harbor: 'harbor',
  openbao: 'bao',
  grafana: 'grafana',
  powerdns: 'pdns',
  'openova-flow-server': 'openova-flow',
  guacamole: 'guacamole',
  newapi: 'api',
}
