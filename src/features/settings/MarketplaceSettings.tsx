import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { PermissionNote } from '../../components/PermissionNote.tsx'
import { Skeleton } from '../../components/States.tsx'
import type { SovereignApp } from '../../contracts/apps.ts'
import { publishApp } from '../../entities/catalog/publishApp.ts'
import { sovereignAppsQueryOptions } from '../../entities/catalog/sovereignAppsQueries.ts'
import { useCan } from '../../entities/session/permissions.ts'
import { errorMessage } from '../../lib/http.ts'
import { sovereignConsoleUrl } from '../../lib/links.ts'
import { useMode } from '../../lib/modeContext.tsx'
import styles from './SettingsScreen.module.css'

/**
 * The marketplace publish toggle (`PATCH /sovereign/apps/{slug}/publish`): a Sovereign lists or unlists
 * each of its apps in its marketplace. That API lives on the Sovereign only, so the mothership points to
 * the Sovereign's own Settings instead of offering a switch that could not work.
 */
export function MarketplaceSettings({ fqdn }: { fqdn: string }) {
  const mode = useMode()
  if (mode.mode !== 'sovereign') {
    const url = typeof window !== 'undefined' ? sovereignConsoleUrl(fqdn, window.location) : ''
    return (
      <div className={styles.action}>
        <h3 className={styles.actionTitle}>Marketplace</h3>
        <p className={styles.text}>
          Which apps this Sovereign publishes in its marketplace is decided on the Sovereign itself
          {url ? (
            <>
              : <a href={`${url}settings`}>its console&apos;s Settings</a>
            </>
          ) : null}
          .
        </p>
      </div>
    )
  }
  return <PublishToggles />
}

function PublishToggles() {
  const queryClient = useQueryClient()
  const apps = useQuery(sovereignAppsQueryOptions(true))
  // The switch being changed and where to: shown at once, in the same event as the click (the cache update
  // waits for in-flight reads to be cancelled, and a controlled switch would flick back meanwhile).
  const [pending, setPending] = useState<{ slug: string; published: boolean } | undefined>()
  const [failure, setFailure] = useState<
    { slug: string; published: boolean; message: string; refused: boolean } | undefined
  >()
  const may = useCan('app.publish')
  const reasonId = useId()

  const key = sovereignAppsQueryOptions(true).queryKey
  const setPublished = (slug: string, patch: Partial<SovereignApp>) =>
    queryClient.setQueryData(key, (old: SovereignApp[] | undefined) =>
      old?.map((a) => (a.slug === slug ? { ...a, ...patch } : a)),
    )
  // Optimistic: the switch moves at once and moves back if the API refuses.
  const toggle = async (slug: string, published: boolean) => {
    if (pending || !may.allowed) return
    setPending({ slug, published })
    setFailure(undefined)
    await queryClient.cancelQueries({ queryKey: key })
    setPublished(slug, { marketplacePublished: published })
    try {
      setPublished(slug, await publishApp(slug, published))
    } catch (e) {
      setPublished(slug, { marketplacePublished: !published })
      const refused = may.refusal(e)
      setFailure({ slug, published, message: refused ?? errorMessage(e), refused: !!refused })
    } finally {
      setPending(undefined)
    }
  }

  return (
    <div className={styles.action}>
      <h3 className={styles.actionTitle}>Marketplace</h3>
      <p className={styles.text}>
        Apps listed in this Sovereign&apos;s marketplace, where its tenants install them.
      </p>
      {apps.isPending ? <Skeleton rows={3} label="Loading the apps…" /> : null}
      {apps.isError ? (
        <p className={styles.alert} role="alert">
          <span>The apps could not be loaded: {errorMessage(apps.error)}</span>
          <button type="button" className="btn btn-sm" onClick={() => void apps.refetch()}>
            Retry
          </button>
        </p>
      ) : null}
      {apps.data ? (
        apps.data.length === 0 ? (
          <p className={styles.text}>No apps are installed yet.</p>
        ) : (
          <>
            <PermissionNote id={reasonId} reason={may.reason} />
            <ul className={styles.apps} aria-label="Marketplace listings">
              {apps.data.map((a) => (
                <li key={a.slug} className={styles.app}>
                  <input
                    type="checkbox"
                    role="switch"
                    id={`publish-${a.slug}`}
                    checked={pending?.slug === a.slug ? pending.published : a.marketplacePublished}
                    disabled={pending !== undefined || !may.allowed}
                    aria-describedby={may.allowed ? undefined : reasonId}
                    aria-busy={pending?.slug === a.slug || undefined}
                    onChange={(e) => void toggle(a.slug, e.currentTarget.checked)}
                  />
                  <label htmlFor={`publish-${a.slug}`}>Publish {a.slug} in the marketplace</label>
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
      {failure ? (
        <p className={styles.alert} role="alert">
          {/* A tier refusal is said as the server's plain words alone, and offers no retry. */}
          <span>
            {failure.refused
              ? failure.message
              : `${failure.published ? 'Publishing' : 'Unpublishing'} ${failure.slug} failed: ${failure.message}`}
          </span>
          {failure.refused ? null : (
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => void toggle(failure.slug, failure.published)}
            >
              Retry
            </button>
          )}
        </p>
      ) : null}
    </div>
  )
}
