/**
 * Columns of the per-kind tables (pure: ids, headers, sortable values) and the one comparator they sort
 * with. Rendering (links, status badges) stays in the component.
 */
import { quantityBytes } from '../../contracts/topology.ts'
import type { ListKind } from './cloudKinds.ts'
import type { TopoNode } from './toTopologyGraph.ts'

export interface ColumnSpec {
  id: string
  header: string
  /** Sort value and default text. */
  value: (n: TopoNode) => string | number
  /** Text when it differs from the sort value. */
  display?: (n: TopoNode) => string
  width?: string
  align?: 'left' | 'right'
}

const name: ColumnSpec = { id: 'name', header: 'Name', value: (n) => n.name, width: '24%' }
const region: ColumnSpec = { id: 'region', header: 'Region', value: (n) => n.region, width: '11%' }
const status: ColumnSpec = { id: 'status', header: 'Status', value: (n) => n.status, width: '12%' }
const field =
  (label: string) =>
  (n: TopoNode): string =>
    n.fields.find(([k]) => k === label)?.[1] ?? ''
const num = (f: (n: TopoNode) => number) => f

export const COLUMNS: Record<ListKind, ColumnSpec[]> = {
  regions: [
    name,
    { id: 'provider', header: 'Provider', value: field('Provider') },
    { id: 'providerRegion', header: 'Provider region', value: field('Provider region') },
    { id: 'skuCp', header: 'Control-plane SKU', value: field('Control-plane SKU') },
    { id: 'skuWorker', header: 'Worker SKU', value: field('Worker SKU') },
    {
      id: 'workers',
      header: 'Workers',
      value: num((n) => (n.type === 'Region' ? n.data.workerCount : 0)),
      align: 'right',
    },
    status,
  ],
  clusters: [
    name,
    region,
    { id: 'version', header: 'Version', value: field('Version') },
    {
      id: 'nodes',
      header: 'Nodes',
      value: num((n) => (n.type === 'Cluster' ? n.data.nodeCount || n.data.nodes.length : 0)),
      align: 'right',
    },
    {
      id: 'vclusters',
      header: 'vClusters',
      value: num((n) => (n.type === 'Cluster' ? n.data.vclusters.length : 0)),
      align: 'right',
    },
    status,
  ],
  vclusters: [
    name,
    { id: 'role', header: 'Role', value: field('Role') },
    { id: 'namespace', header: 'Namespace', value: field('Namespace') },
    { id: 'cluster', header: 'Cluster', value: field('Cluster') },
    region,
    status,
  ],
  'node-pools': [
    name,
    { id: 'role', header: 'Role', value: field('Role') },
    { id: 'sku', header: 'SKU', value: field('SKU') },
    {
      id: 'size',
      header: 'Size (current/desired)',
      value: num((n) => (n.type === 'NodePool' ? n.data.currentSize : 0)),
      display: field('Size'),
      align: 'right',
    },
    region,
    status,
  ],
  nodes: [
    name,
    { id: 'role', header: 'Role', value: field('Role') },
    { id: 'sku', header: 'SKU', value: field('SKU') },
    { id: 'ip', header: 'IP', value: field('IP') },
    { id: 'pool', header: 'Node pool', value: field('Node pool') },
    region,
    status,
  ],
  'load-balancers': [
    name,
    { id: 'publicIP', header: 'Public IP', value: field('Public IP') },
    { id: 'listeners', header: 'Listeners', value: field('Listeners') },
    { id: 'targets', header: 'Target health', value: field('Targets') },
    { id: 'frontDoor', header: 'Front door', value: field('Front door') },
    region,
    status,
  ],
  networks: [
    name,
    { id: 'cidr', header: 'CIDR', value: field('CIDR') },
    {
      id: 'peerings',
      header: 'Peerings',
      value: num((n) => (n.type === 'Network' ? n.data.peerings.length : 0)),
      align: 'right',
    },
    {
      id: 'firewall',
      header: 'Firewall rules',
      value: num((n) => (n.type === 'Network' ? (n.data.firewall?.rules.length ?? 0) : 0)),
      align: 'right',
    },
    region,
    status,
  ],
  pvcs: [
    name,
    { id: 'namespace', header: 'Namespace', value: field('Namespace') },
    {
      id: 'capacity',
      header: 'Capacity',
      value: num((n) => (n.type === 'PVC' ? (quantityBytes(n.data.capacity) ?? 0) : 0)),
      display: field('Capacity'),
      align: 'right',
    },
    {
      id: 'used',
      header: 'Used',
      value: num((n) => (n.type === 'PVC' ? (quantityBytes(n.data.used) ?? 0) : 0)),
      display: field('Used'),
      align: 'right',
    },
    { id: 'storageClass', header: 'Storage class', value: field('Storage class') },
    region,
    status,
  ],
  volumes: [
    name,
    {
      id: 'capacity',
      header: 'Capacity',
      value: num((n) => (n.type === 'Volume' ? (quantityBytes(n.data.capacity) ?? 0) : 0)),
      display: field('Capacity'),
      align: 'right',
    },
    { id: 'attachedTo', header: 'Attached to', value: field('Attached to') },
    region,
    status,
  ],
  buckets: [
    name,
    { id: 'endpoint', header: 'Endpoint', value: field('Endpoint') },
    {
      id: 'used',
      header: 'Used',
      value: num((n) => (n.type === 'Bucket' ? (quantityBytes(n.data.used) ?? 0) : 0)),
      display: field('Used'),
      align: 'right',
    },
    {
      id: 'capacity',
      header: 'Capacity',
      value: num((n) => (n.type === 'Bucket' ? (quantityBytes(n.data.capacity) ?? 0) : 0)),
      display: field('Capacity'),
      align: 'right',
    },
    { id: 'retention', header: 'Retention', value: field('Retention') },
    status,
  ],
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** Numbers numerically, text naturally (`worker-2` before `worker-10`); ties keep input order. */
export function sortRows<T>(
  rows: readonly T[],
  value: ((row: T) => string | number) | undefined,
  desc: boolean,
): T[] {
  if (!value) return [...rows]
  const dir = desc ? -1 : 1
  return rows
    .map((row, i) => ({ row, i, v: value(row) }))
    .sort((a, b) => {
      const c =
        typeof a.v === 'number' && typeof b.v === 'number'
          ? a.v - b.v
          : collator.compare(String(a.v), String(b.v))
      return c * dir || a.i - b.i
    })
    .map((x) => x.row)
}
