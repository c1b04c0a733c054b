import type { TopoNode } from './toTopologyGraph.ts'

const STATUS_WORDS: Record<string, string> = {
  healthy: 'healthy',
  degraded: 'degraded',
  failed: 'failed',
  unknown: 'status unknown',
}

/**
 * Accessible name of a graph node, in the order of its visible text (label in name):
 * `ingress-fsn1, LoadBalancer · 49.12.130.159 · 3/3 healthy, healthy`.
 */
export function nodeLabel(node: TopoNode): string {
  return `${node.name}, ${nodeCaption(node)}, ${STATUS_WORDS[node.status] ?? node.status}`
}

/** The type and summary line shown under (or beside) a node's name: `LoadBalancer · 49.12.130.159`. */
export function nodeCaption(node: TopoNode): string {
  const sub = nodeSubtitle(node)
  return sub ? `${node.type} · ${sub}` : node.type
}

/** The one-line summary under a node's name. */
export function nodeSubtitle(node: TopoNode): string {
  switch (node.type) {
    case 'Cloud':
      return node.data.projectID ? `${node.data.provider} · ${node.data.projectID}` : node.data.provider
    case 'Region':
      return [node.data.providerRegion, `${node.data.workerCount} workers`].filter(Boolean).join(' · ')
    case 'Cluster':
      return node.data.version
    case 'vCluster':
      return node.data.role
    case 'LoadBalancer':
      return [node.data.publicIP, node.targetHealth].filter(Boolean).join(' · ')
    case 'NodePool':
      return `${node.data.sku} · ${node.data.currentSize}/${node.data.desiredSize}`
    case 'Node':
      return [node.data.role, node.data.ip].filter(Boolean).join(' · ')
    case 'Network':
      return node.data.cidr
    case 'PVC':
      return [node.data.capacity, node.data.used && `${node.data.used} used`].filter(Boolean).join(' · ')
    case 'Volume':
      return node.data.capacity
    case 'Bucket':
      return node.data.endpoint.replace(/^https?:\/\//, '')
  }
}
