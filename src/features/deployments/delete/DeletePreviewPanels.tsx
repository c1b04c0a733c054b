/** What a delete keeps running and what a wipe destroys, counted from the topology (the dialog's two panels). */
import { Skeleton } from '../../../components/States.tsx'
import { errorMessage } from '../../../lib/http.ts'
import type { WipePreview } from './deleteRules.ts'
import styles from './DeleteDeploymentDialog.module.css'

export function RecordOnlyPanel({
  preview,
  loading,
  fqdn,
}: {
  preview: WipePreview | undefined
  loading: boolean
  fqdn: string
}) {
  const t = preview?.totals
  return (
    <section className={styles.panel} aria-label="What deleting the record does">
      <h3 className={styles.panelTitle}>Removed</h3>
      <ul className={styles.list}>
        <li>The deployment record on the mothership</li>
        <li>Its local OpenTofu working directory and kubeconfigs</li>
        <li>The pool subdomain reservation (pool domains only)</li>
      </ul>
      <h3 className={styles.panelTitle}>Keeps running</h3>
      {loading ? (
        <p className="muted">Counting the cloud resources…</p>
      ) : t && !preview.nothingCreated ? (
        <p>
          {t.servers} server{t.servers === 1 ? '' : 's'}, {t.loadBalancers} load balancer
          {t.loadBalancers === 1 ? '' : 's'}, {t.networks} network{t.networks === 1 ? '' : 's'}, {t.volumes}{' '}
          volume{t.volumes === 1 ? '' : 's'}
          {preview.buckets.length ? ', the object-storage bucket' : ''} and the DNS records of {fqdn} stay in
          your provider project. Wipe them there if you no longer need them.
        </p>
      ) : (
        <p>Everything {fqdn} created in the cloud stays as it is.</p>
      )}
    </section>
  )
}

export function WipePreviewPanel({
  preview,
  loading,
  error,
  onRetry,
  fqdn,
}: {
  preview: WipePreview | undefined
  loading: boolean
  error: unknown
  onRetry: () => void
  fqdn: string
}) {
  return (
    <section className={`${styles.panel} ${styles.dangerPanel}`} aria-label="What the wipe destroys">
      <h3 className={styles.panelTitle}>Will be destroyed</h3>
      {loading ? (
        <Skeleton rows={3} label="Loading what the wipe will destroy…" />
      ) : error ? (
        <div role="alert">
          <p>Could not load the topology: {errorMessage(error)}</p>
          <p className="muted">
            The wipe still destroys everything labelled for this deployment; only the preview is missing.
          </p>
          <button type="button" className="btn btn-sm" onClick={onRetry}>
            Retry
          </button>
        </div>
      ) : preview ? (
        preview.nothingCreated ? (
          <p>
            OpenTofu has not created anything for {fqdn} yet. The wipe stops the run, purges anything labelled
            for it and deletes the record.
          </p>
        ) : (
          <>
            <table className={styles.preview} aria-label="Resources destroyed per region">
              <thead>
                <tr>
                  <th scope="col">Region</th>
                  <th scope="col">Servers</th>
                  <th scope="col">Load balancers</th>
                  <th scope="col">Networks</th>
                  <th scope="col">Volumes</th>
                </tr>
              </thead>
              <tbody>
                {preview.regions.map((r, i) => (
                  <tr key={r.key}>
                    <th scope="row">
                      <span className="mono">{r.key}</span>
                      {i === 0 ? <span className="muted"> · primary</span> : null}
                    </th>
                    <td>{r.servers}</td>
                    <td>{r.loadBalancers}</td>
                    <td>
                      {r.networks}
                      {r.firewalls ? <span className="muted"> (+{r.firewalls} firewall)</span> : null}
                    </td>
                    <td>{r.volumes}</td>
                  </tr>
                ))}
              </tbody>
              {preview.regions.length > 1 ? (
                <tfoot>
                  <tr>
                    <th scope="row">Total</th>
                    <td>{preview.totals.servers}</td>
                    <td>{preview.totals.loadBalancers}</td>
                    <td>{preview.totals.networks}</td>
                    <td>{preview.totals.volumes}</td>
                  </tr>
                </tfoot>
              ) : null}
            </table>
            <dl className={styles.extra}>
              <dt>DNS records</dt>
              <dd>
                {preview.dnsRecords.length} records under <span className="mono">{fqdn}</span> (
                {preview.dnsRecords
                  .slice(0, 4)
                  .map((d) => d.slice(0, d.length - fqdn.length - 1))
                  .join(', ')}
                , …) — the name is released.
              </dd>
              <dt>Object storage</dt>
              <dd>
                {preview.buckets.length ? (
                  preview.buckets.map((b) => (
                    <span key={b} className="mono">
                      bucket {b}
                    </span>
                  ))
                ) : (
                  <span className="muted">no bucket</span>
                )}
              </dd>
            </dl>
          </>
        )
      ) : null}
    </section>
  )
}
