/** The dialog's last word: what a record delete or a wipe did, or that the record was already gone. */
import { useEffect, useRef } from 'react'
import type { DeleteResult, WipeResult } from '../../../contracts/deployments.ts'
import type { WipePreview } from './deleteRules.ts'
import type { DeleteTarget } from './DeleteDeploymentDialog.tsx'
import styles from './DeleteDeploymentDialog.module.css'

export type DeleteReportData =
  { kind: 'record'; result: DeleteResult } | { kind: 'wipe'; result: WipeResult } | { kind: 'gone' }

const PURGE_ROWS: [keyof WipeResult['hetznerPurge'], string][] = [
  ['servers', 'Servers'],
  ['load_balancers', 'Load balancers'],
  ['networks', 'Networks'],
  ['firewalls', 'Firewalls'],
  ['ssh_keys', 'SSH keys'],
  ['volumes', 'Volumes'],
  ['primary_ips', 'Primary IPs'],
  ['floating_ips', 'Floating IPs'],
  ['s3_buckets', 'Object storage buckets'],
]

export function DeleteReport({
  report,
  target,
  preview,
  onDone,
}: {
  report: DeleteReportData
  target: DeleteTarget
  preview: WipePreview | undefined
  onDone: () => void
}) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => headingRef.current?.focus(), [])
  const yes = (b: boolean | undefined, no = 'no') => (b ? 'yes' : no)
  return (
    <section className={styles.report} aria-labelledby="delete-report-title" role="status">
      {report.kind === 'gone' ? (
        <>
          <h3 id="delete-report-title" ref={headingRef} tabIndex={-1}>
            Already deleted
          </h3>
          <p>
            The record of {target.fqdn} no longer exists on the mothership — it was already deleted (perhaps
            from another tab). Nothing else to do.
          </p>
        </>
      ) : report.kind === 'record' ? (
        <>
          <h3 id="delete-report-title" ref={headingRef} tabIndex={-1}>
            Record deleted
          </h3>
          <dl className={styles.reportList}>
            <dt>Record removed from the mothership</dt>
            <dd>{yes(report.result.storeDeleted)}</dd>
            <dt>Local files and kubeconfigs cleaned</dt>
            <dd>{yes(report.result.localCleaned)}</dd>
            <dt>Pool subdomain released</dt>
            <dd>
              {report.result.pdmReleased === undefined ? 'not applicable' : yes(report.result.pdmReleased)}
            </dd>
          </dl>
          <p className={styles.warn}>
            The cloud resources of {target.fqdn}
            {preview && !preview.nothingCreated
              ? ` (${preview.totals.servers} servers, ${preview.totals.loadBalancers} load balancers, ${preview.totals.networks} networks, ${preview.totals.volumes} volumes)`
              : ''}{' '}
            were not touched and keep running.
          </p>
          {report.result.note ? <p className="muted">{report.result.note}</p> : null}
        </>
      ) : (
        <>
          <h3 id="delete-report-title" ref={headingRef} tabIndex={-1}>
            Deployment wiped
          </h3>
          <table className={styles.preview} aria-label="Destroyed resources">
            <tbody>
              {PURGE_ROWS.map(([key, label]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td>{String(report.result.hetznerPurge[key])}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className={styles.reportList}>
            <dt>OpenTofu destroy</dt>
            <dd>{report.result.tofuDestroyed ? 'completed' : 'did not complete'}</dd>
            <dt>DNS released</dt>
            <dd>{yes(report.result.pdmReleased)}</dd>
            <dt>Record and local files removed</dt>
            <dd>{yes(report.result.localCleaned)}</dd>
          </dl>
          {report.result.errors.length || report.result.hetznerPurge.errors.length ? (
            <div className={styles.failure}>
              <strong>Some resources need attention</strong>
              <ul>
                {[...report.result.errors, ...report.result.hetznerPurge.errors].map((e, i) => (
                  <li key={i}>{e}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      )}
      <div className={styles.actions}>
        <button type="button" className="btn btn-primary" onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  )
}
