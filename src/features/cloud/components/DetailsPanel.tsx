import { AppLink } from '../../../components/AppLink.tsx'
import { StatusBadge } from '../../../components/StatusBadge.tsx'
import { KIND_LABELS, NODE_TYPES, kindOfType } from '../cloudKinds.ts'
import { EDGE_LABELS, type TopoEdge, type TopoNode } from '../toTopologyGraph.ts'
import styles from './DetailsPanel.module.css'

/** Facts and relations of the selected resource; every related resource is one click away. */
export function DetailsPanel({
  node,
  nodes,
  byId,
  edges,
  deploymentId,
  onSelect,
}: {
  node: TopoNode
  nodes: readonly TopoNode[]
  byId: ReadonlyMap<string, TopoNode>
  edges: readonly TopoEdge[]
  deploymentId: string
  onSelect: (id: string | undefined) => void
}) {
  const parent = node.parent ? byId.get(node.parent) : undefined
  const children = nodes.filter((n) => n.parent === node.id)
  const relations = edges
    .filter((e) => e.source === node.id || e.target === node.id)
    .map((e) => {
      const outgoing = e.source === node.id
      const other = byId.get(outgoing ? e.target : e.source)
      const verb = outgoing ? EDGE_LABELS[e.kind] : `${EDGE_LABELS[e.kind]} (from)`
      return { id: e.id, verb: e.kind === 'peers-with' ? EDGE_LABELS[e.kind] : verb, other }
    })
    .filter((r) => r.other)
  const kind = kindOfType(node.type)
  const facts: [string, string][] = [
    ...(node.region ? [['Region', node.region] as [string, string]] : []),
    ...node.fields,
    ['ID', node.id.slice(node.type.length + 1)],
  ]
  return (
    <aside className={styles.panel} aria-labelledby="cloud-details-title">
      <div className={styles.top}>
        <div className={styles.titleBlock}>
          <span className={styles.type}>{node.type}</span>
          <h2 id="cloud-details-title" className={styles.title}>
            {node.name}
          </h2>
        </div>
        <button
          type="button"
          className="btn btn-sm btn-ghost"
          aria-label="Close details"
          onClick={() => onSelect(undefined)}
        >
          ✕
        </button>
      </div>
      <StatusBadge status={node.status} />
      <dl className={styles.facts}>
        {facts.map(([k, v]) => (
          <div key={k} className={styles.fact}>
            <dt>{k}</dt>
            <dd className={k === 'ID' ? 'mono' : undefined}>{v}</dd>
          </div>
        ))}
      </dl>
      {parent ? (
        <section className={styles.section}>
          <h3>Part of</h3>
          <p>
            {parent.type} <Ref target={parent} onSelect={onSelect} />
          </p>
        </section>
      ) : null}
      {children.length ? (
        <section className={styles.section}>
          <h3>Contains</h3>
          {NODE_TYPES.filter((t) => children.some((c) => c.type === t)).map((t) => {
            const list = children.filter((c) => c.type === t)
            return (
              <p key={t}>
                {t} ({list.length}):{' '}
                {list.slice(0, 12).map((c, i) => (
                  <span key={c.id}>
                    {i > 0 ? ', ' : ''}
                    <Ref target={c} onSelect={onSelect} />
                  </span>
                ))}
                {list.length > 12 ? ` and ${list.length - 12} more` : ''}
              </p>
            )
          })}
        </section>
      ) : null}
      {relations.length ? (
        <section className={styles.section}>
          <h3>Relations</h3>
          <ul className={styles.relations}>
            {relations.map((r) => (
              <li key={r.id}>
                {r.verb} {r.other!.type} <Ref target={r.other!} onSelect={onSelect} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {kind ? (
        <AppLink className="btn btn-sm" to={{ page: 'cloud', deploymentId, search: { view: 'list', kind } }}>
          All {KIND_LABELS[kind].toLowerCase()} in a table
        </AppLink>
      ) : null}
    </aside>
  )
}

function Ref({ target, onSelect }: { target: TopoNode; onSelect: (id: string) => void }) {
  return (
    <button type="button" className={styles.ref} onClick={() => onSelect(target.id)}>
      {target.name}
    </button>
  )
}
