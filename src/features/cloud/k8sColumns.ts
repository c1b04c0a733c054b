/**
 * The Kubernetes-backed list kinds: which k8s resources feed each, their columns (pure: ids, headers,
 * sortable values) and the row id. Rendering stays in the component; sorting uses `sortRows`.
 */
import type { K8sObject, K8sResource } from '../../contracts/k8s.ts'
import type { K8sKind } from './cloudKinds.ts'

export const K8S_KIND_RESOURCES: Record<K8sKind, readonly K8sResource[]> = {
  services: ['services'],
  ingresses: ['ingresses', 'httproutes'],
  'dns-zones': ['dnszones'],
  'storage-classes': ['storageclasses'],
}

export interface K8sColumnSpec {
  id: string
  header: string
  value: (o: K8sObject) => string | number
  width?: string
  align?: 'left' | 'right'
}

/** Objects are unique per kind, cluster, namespace and name. */
export const k8sRowId = (o: K8sObject): string => `${o.kind}:${o.cluster}/${o.namespace}/${o.name}`

const name: K8sColumnSpec = { id: 'name', header: 'Name', value: (o) => o.name, width: '20%' }
const namespace: K8sColumnSpec = { id: 'namespace', header: 'Namespace', value: (o) => o.namespace }
const cluster: K8sColumnSpec = { id: 'cluster', header: 'Cluster', value: (o) => o.cluster }
const region: K8sColumnSpec = { id: 'region', header: 'Region', value: (o) => o.region, width: '10%' }
const status: K8sColumnSpec = { id: 'status', header: 'Status', value: (o) => o.status, width: '11%' }
const pick =
  <K extends K8sObject['kind']>(kind: K | K[], f: (o: Extract<K8sObject, { kind: K }>) => string | number) =>
  (o: K8sObject): string | number =>
    (Array.isArray(kind) ? (kind as string[]).includes(o.kind) : o.kind === kind)
      ? f(o as Extract<K8sObject, { kind: K }>)
      : ''
const yesNo = (b: boolean) => (b ? 'yes' : 'no')

export const K8S_COLUMNS: Record<K8sKind, K8sColumnSpec[]> = {
  services: [
    name,
    namespace,
    { id: 'type', header: 'Type', value: pick('Service', (s) => s.type) },
    { id: 'clusterIP', header: 'Cluster IP', value: pick('Service', (s) => s.clusterIP) },
    { id: 'externalIP', header: 'External IP', value: pick('Service', (s) => s.externalIP || '—') },
    {
      id: 'ports',
      header: 'Ports',
      value: pick('Service', (s) => s.ports.map((p) => `${p.port}/${p.protocol}`).join(', ')),
    },
    region,
    status,
  ],
  ingresses: [
    name,
    { id: 'kind', header: 'Kind', value: (o) => o.kind },
    namespace,
    {
      id: 'hosts',
      header: 'Hosts',
      value: pick(['Ingress', 'HTTPRoute'], (r) => r.hosts.join(', ')),
      width: '22%',
    },
    { id: 'backend', header: 'Backend', value: pick(['Ingress', 'HTTPRoute'], (r) => r.backend) },
    { id: 'via', header: 'Class / gateway', value: pick(['Ingress', 'HTTPRoute'], (r) => r.via) },
    region,
    status,
  ],
  'dns-zones': [
    { ...name, width: '26%' },
    {
      id: 'records',
      header: 'Records',
      value: pick('DNSZone', (z) => z.records),
      align: 'right',
    },
    { id: 'serial', header: 'Serial', value: pick('DNSZone', (z) => z.serial), align: 'right' },
    { id: 'nameservers', header: 'Name servers', value: pick('DNSZone', (z) => z.nameservers.join(', ')) },
    { id: 'dnssec', header: 'DNSSEC', value: pick('DNSZone', (z) => yesNo(z.dnssec)) },
    region,
    status,
  ],
  'storage-classes': [
    name,
    { id: 'provisioner', header: 'Provisioner', value: pick('StorageClass', (c) => c.provisioner) },
    { id: 'reclaim', header: 'Reclaim policy', value: pick('StorageClass', (c) => c.reclaimPolicy) },
    { id: 'binding', header: 'Binding mode', value: pick('StorageClass', (c) => c.volumeBindingMode) },
    {
      id: 'expansion',
      header: 'Expandable',
      value: pick('StorageClass', (c) => yesNo(c.allowVolumeExpansion)),
    },
    { id: 'default', header: 'Default', value: pick('StorageClass', (c) => yesNo(c.isDefault)) },
    cluster,
    region,
    status,
  ],
}

/** `?region=`: only that region's objects (unset or unknown to the data: all). */
export function filterByRegion<T extends { region: string }>(
  rows: readonly T[],
  region: string | undefined,
): T[] {
  return region ? rows.filter((r) => r.region === region) : [...rows]
}
