/**
 * One side of an app's dependencies ("Depends on" / "Needed by"): links to those apps with their status.
 * Moved out of AppDetailScreen.tsx to keep that file small; it shares the screen's CSS module.
 */
import { AppLink } from '../../components/AppLink.tsx'
import { StatusBadge } from '../../components/StatusBadge.tsx'
import { APP_STATUS_LABELS, type AppCardModel } from './appModel.ts'
import styles from './AppDetailScreen.module.css'

export function DependencyList({
  title,
  ids,
  byId,
  deploymentId,
  empty,
}: {
  title: string
  ids: readonly string[]
  byId: ReadonlyMap<string, AppCardModel>
  deploymentId: string
  empty: string
}) {
  return (
    <div>
      <h3 className={styles.subhead}>{title}</h3>
      {ids.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className={styles.linkList} aria-label={title}>
          {ids.map((id) => {
            const dep = byId.get(id)
            return (
              <li key={id}>
                <AppLink to={{ page: 'app', deploymentId, componentId: id }}>{dep?.title ?? id}</AppLink>{' '}
                {dep ? (
                  <StatusBadge status={dep.status} label={APP_STATUS_LABELS[dep.status]} size="sm" />
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
