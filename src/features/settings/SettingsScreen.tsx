import { useQuery } from '@tanstack/react-query'
import { PageHeader } from '../../components/PageHeader.tsx'
import { RelativeTime } from '../../components/RelativeTime.tsx'
import { ErrorState, Skeleton } from '../../components/States.tsx'
import { StatusBadge } from '../../components/StatusBadge.tsx'
import type { DeploymentState } from '../../contracts/deployments.ts'
import { deploymentQueryOptions } from '../../entities/deployment/deploymentQueries.ts'
import { kubeconfigFileName } from '../../entities/deployment/kubeconfig.ts'
import { topologyQueryOptions } from '../../entities/topology/topologyQueries.ts'
import { useDeploymentId } from '../../lib/deploymentScope.ts'
import { errorMessage } from '../../lib/http.ts'
import { httpUrlOrUndefined } from '../../lib/links.ts'
import { OnlyIn } from '../../lib/modeContext.tsx'
import { KubeconfigDownload } from './KubeconfigDownload.tsx'
import { MarketplaceSettings } from './MarketplaceSettings.tsx'
import { HandoverAction, RefreshWatchAction } from './SettingsActions.tsx'
import { domainModeText, regionSettings, type RegionSetting } from './settingsModel.ts'
import styles from './SettingsScreen.module.css'

/**
 * `/provision/<id>/settings` (mothership) and `/settings` (Sovereign) — regression 13: the deployment's
 * result values as the API reports them, a kubeconfig per region, and the actions that belong to the
 * deployment rather than to a page (refresh the install watch, re-mint the handover, marketplace).
 */
export function SettingsScreen() {
  const id = useDeploymentId()
  const state = useQuery(deploymentQueryOptions(id))
  const topology = useQuery(topologyQueryOptions(id))
  if (state.isPending) return <Skeleton rows={8} label="Loading the settings…" />
  if (!state.data) {
    return (
      <>
        <PageHeader title="Settings" />
        <ErrorState
          title="The deployment could not be loaded"
          error={state.error}
          onRetry={() => void state.refetch()}
        />
      </>
    )
  }
  const d = state.data
  const fqdn = d.sovereignFQDN || d.id
  const regions = regionSettings(d, topology.data)
  return (
    <>
      <PageHeader title="Settings" description={`${fqdn} — what it was built with and where it runs.`} />
      <DeploymentValues deployment={d} />
      <section className={`card ${styles.section}`} aria-labelledby="settings-regions">
        <h2 id="settings-regions" className={styles.sectionTitle}>
          Regions
        </h2>
        {topology.isError ? (
          <p className={styles.alert} role="alert">
            <span>
              The infrastructure could not be loaded, so per-region sizes and addresses may be missing:{' '}
              {errorMessage(topology.error)}
            </span>
            <button type="button" className="btn btn-sm" onClick={() => void topology.refetch()}>
              Retry
            </button>
          </p>
        ) : null}
        <RegionTable deployment={d} regions={regions} loadingTopology={topology.isPending} />
      </section>
      <section className={`card ${styles.section}`} aria-labelledby="settings-actions">
        <h2 id="settings-actions" className={styles.sectionTitle}>
          Actions
        </h2>
        <RefreshWatchAction deploymentId={d.id} />
        <OnlyIn surface="handover">
          <HandoverAction deployment={d} />
        </OnlyIn>
        <MarketplaceSettings fqdn={d.sovereignFQDN} />
      </section>
    </>
  )
}

function ExternalLink({ href }: { href: string | undefined }) {
  const safe = httpUrlOrUndefined(href)
  if (!safe) return <span className="muted">{href || 'Not reported yet (set once Phase 0 finishes)'}</span>
  return (
    <a href={safe} target="_blank" rel="noreferrer">
      {href}
    </a>
  )
}

function DeploymentValues({ deployment: d }: { deployment: DeploymentState }) {
  const result = d.result
  const rows: [string, React.ReactNode][] = [
    ['Status', <StatusBadge key="s" status={d.status} />],
    ['Sovereign', d.sovereignFQDN || 'Not recorded'],
    ['Console URL', <ExternalLink key="c" href={result?.consoleURL} />],
    ['GitOps repository', <ExternalLink key="g" href={result?.gitopsRepoURL} />],
    ['Domain mode', domainModeText(d)],
    ['Owner', d.ownerEmail || 'Not recorded'],
    ['Organisation', [d.orgName, d.orgEmail].filter(Boolean).join(' · ') || 'Not recorded'],
    ['Created', <RelativeTime key="cr" value={d.startedAt} />],
    ['Finished', d.finishedAt ? <RelativeTime key="f" value={d.finishedAt} /> : 'Still running'],
    [
      'Deployment id',
      <span key="i" className="mono">
        {d.id}
      </span>,
    ],
  ]
  if (d.adoptedAt) rows.push(['Adopted', <RelativeTime key="a" value={d.adoptedAt} />])
  return (
    <section className={`card ${styles.section}`} aria-labelledby="settings-deployment">
      <h2 id="settings-deployment" className={styles.sectionTitle}>
        Deployment
      </h2>
      <dl className={styles.values} aria-labelledby="settings-deployment">
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

function RegionTable({
  deployment,
  regions,
  loadingTopology,
}: {
  deployment: DeploymentState
  regions: RegionSetting[]
  loadingTopology: boolean
}) {
  const unknown = loadingTopology ? 'Loading…' : 'Not created yet'
  const name = deployment.sovereignSubdomain || deployment.sovereignFQDN || deployment.id
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} aria-label="Regions">
        <thead>
          <tr>
            <th scope="col">Region</th>
            <th scope="col">Cloud region</th>
            <th scope="col">Control plane</th>
            <th scope="col">Workers</th>
            <th scope="col">Control-plane IP</th>
            <th scope="col">Load-balancer IP</th>
            <th scope="col">Kubeconfig</th>
          </tr>
        </thead>
        <tbody>
          {regions.map((r) => (
            <tr key={r.key} aria-label={`Region ${r.key}`}>
              <th scope="row">
                <span className="mono">{r.key}</span> {r.primary ? '(primary)' : '(secondary)'}
              </th>
              <td>{r.cloudRegion}</td>
              <td className="mono">{r.controlPlaneSku ?? unknown}</td>
              <td>
                {r.workerCount !== undefined ? (
                  <>
                    {r.workerCount} × <span className="mono">{r.workerSku ?? '?'}</span>
                  </>
                ) : (
                  unknown
                )}
              </td>
              <td className="mono">{r.controlPlaneIP ?? unknown}</td>
              <td className="mono">{r.loadBalancerIP ?? unknown}</td>
              <td>
                <KubeconfigDownload
                  deploymentId={deployment.id}
                  regionKey={r.key}
                  regionParam={r.kubeconfigRegion}
                  fileName={kubeconfigFileName(name, r.primary ? undefined : r.key)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
