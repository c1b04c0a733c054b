import { AppLink } from '../../../components/AppLink.tsx'
import { StatusBadge } from '../../../components/StatusBadge.tsx'
import { APP_STATUS_LABELS, type AppCardModel } from '../appModel.ts'
import { RegionPlacementList } from './RegionPlacementList.tsx'
import styles from './AppCard.module.css'

/**
 * One app in the grid: title (the link to its page, `bp-<slug>`), status, family, where it runs. The card
 * is a plain article — only the title and the external "Open" are interactive, so each has its own name.
 */
/** The family colour token; a family key from the wire only ever names a token, never raw CSS. */
export function familyColour(family: string): string {
  return /^[a-z0-9-]{1,40}$/.test(family)
    ? `var(--family-${family}, var(--status-unknown))`
    : 'var(--status-unknown)'
}

export function AppCard({ app, deploymentId }: { app: AppCardModel; deploymentId: string }) {
  const titleId = `app-card-${app.id}`
  return (
    <article className={styles.card} aria-labelledby={titleId} data-app-id={app.id} data-status={app.status}>
      <header className={styles.head}>
        <span className={styles.glyph} style={{ background: familyColour(app.family) }} aria-hidden="true">
          {app.title.charAt(0).toUpperCase()}
        </span>
        <div className={styles.titles}>
          <h2 className={styles.title} id={titleId}>
            <AppLink to={{ page: 'app', deploymentId, componentId: app.id }} className={styles.titleLink}>
              {app.title}
            </AppLink>
          </h2>
          <span className={`${styles.id} mono`}>{app.id}</span>
        </div>
        <StatusBadge status={app.status} label={APP_STATUS_LABELS[app.status]} size="sm" />
      </header>
      {app.summary ? <p className={styles.summary}>{app.summary}</p> : null}
      <div className={styles.chips}>
        <span className={styles.chip} data-family={app.family}>
          <span
            className={styles.familyDot}
            style={{ background: familyColour(app.family) }}
            aria-hidden="true"
          />
          {app.familyLabel}
        </span>
        {app.bootstrap ? <span className={styles.chip}>Bootstrap kit</span> : null}
        {app.version ? <span className={`${styles.chip} mono`}>v{app.version}</span> : null}
        {app.marketplacePublished ? <span className={styles.chip}>In marketplace</span> : null}
      </div>
      {app.regions.length > 0 ? (
        <RegionPlacementList regions={app.regions} label={`Placement of ${app.title}`} compact />
      ) : null}
      {app.externalURL ? (
        <div className={styles.footer}>
          <a
            className="btn btn-sm"
            href={app.externalURL}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={`Open ${app.title} (new tab)`}
          >
            Open ↗
          </a>
        </div>
      ) : null}
    </article>
  )
}
