import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useCallback, useId, useMemo, useState } from 'react'
import { AppLink } from '../../components/AppLink.tsx'
import { splitHref } from '../../lib/links.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import { PermissionNote } from '../../components/PermissionNote.tsx'
import { RelativeTime } from '../../components/RelativeTime.tsx'
import { EmptyState, ErrorState, Skeleton } from '../../components/States.tsx'
import { VirtualTable, type ColumnDef } from '../../components/VirtualTable.tsx'
import type { UserAccess } from '../../contracts/users.ts'
import { deploymentQueryOptions } from '../../entities/deployment/deploymentQueries.ts'
import { useCan } from '../../entities/session/permissions.ts'
import { useDeploymentId } from '../../lib/deploymentScope.ts'
import { useLinks, useMode } from '../../lib/modeContext.tsx'
import { useUrlText } from '../../lib/useUrlText.ts'
import { userAccessQueryOptions } from '../../entities/user-access/userAccessQueries.ts'
import { DeleteUserAccessDialog } from './components/DeleteUserAccessDialog.tsx'
import {
  filterUserAccess,
  formatGrant,
  formatGrantScope,
  formatSubject,
  sortUserAccess,
  type UsersSortKey,
} from './userAccessModel.ts'
import { usersSearch, type UsersSearch } from '../../entities/user-access/usersSearch.ts'
import styles from './UsersScreen.module.css'
import { usePageSearch } from '../../lib/routeSearch.ts'

/** Default sort: name ascending; dates default to newest first when first picked. */
const DATE_KEYS: readonly UsersSortKey[] = ['created', 'bindings']

/**
 * `/users`: who can administer what on this Sovereign — one row per UserAccess record with its grants
 * as "app (role)". Create/edit on their own pages; delete behind a typed confirmation.
 */
export function UsersScreen() {
  const deploymentId = useDeploymentId()
  const mode = useMode()
  const links = useLinks()
  const navigate = useNavigate()
  const search = usePageSearch(usersSearch)
  const list = useQuery(userAccessQueryOptions(mode.mode, deploymentId))
  const state = useQuery(deploymentQueryOptions(deploymentId))
  const [deleting, setDeleting] = useState<string | undefined>()
  const fqdn = mode.sovereignFQDN ?? state.data?.sovereignFQDN

  const { q: urlQ, sort: urlSort, dir: urlDir } = search
  const setSearch = useCallback(
    (patch: Partial<UsersSearch>) => {
      const next = { q: urlQ, sort: urlSort, dir: urlDir, ...patch }
      const { to, search: s } = splitHref(links.to({ page: 'users', deploymentId }))
      void navigate({ to, search: { ...s, ...clean(next) }, replace: true })
    },
    [links, deploymentId, navigate, urlQ, urlSort, urlDir],
  )
  const sortKey: UsersSortKey = urlSort ?? 'name'
  const desc = urlDir ? urlDir === 'desc' : false
  const rows = useMemo(
    () => sortUserAccess(filterUserAccess(list.data ?? [], urlQ), sortKey, desc),
    [list.data, urlQ, sortKey, desc],
  )
  const writeQ = useCallback((v: string | undefined) => setSearch({ q: v }), [setSearch])
  const [q, setQ] = useUrlText(urlQ, writeQ)
  const filterId = useId()
  const reasonId = useId()
  const write = useCan('userAccess.write')

  const columns = useMemo<ColumnDef<UserAccess, unknown>[]>(
    () => [
      {
        id: 'name',
        header: 'Name',
        meta: { width: '22%' },
        cell: ({ row }) => (
          <AppLink
            className="mono"
            title={row.original.name}
            to={{ page: 'userEdit', deploymentId, name: row.original.name }}
          >
            {row.original.name}
          </AppLink>
        ),
      },
      {
        id: 'user',
        header: 'User / groups',
        meta: { width: '20%' },
        cell: ({ row }) => {
          const s = formatSubject(row.original.spec.user)
          return (
            <span className={styles.subject}>
              {s.subject ? <span>{s.subject}</span> : null}
              {s.groups ? <span className="muted">groups: {s.groups}</span> : null}
              {!s.subject && !s.groups ? <span className="faint">—</span> : null}
            </span>
          )
        },
      },
      {
        id: 'grants',
        header: 'Grants',
        enableSorting: false,
        meta: { width: '30%' },
        cell: ({ row }) => {
          const grants = row.original.spec.applications
          if (grants.length === 0) return <span className="faint">No grants</span>
          return (
            <ul className={styles.grants} aria-label={`Grants of ${row.original.name}`}>
              {grants.map((g, i) => {
                const scope = formatGrantScope(g)
                return (
                  <li key={`${g.app}-${g.role}-${i}`}>
                    <span className="mono">{formatGrant(g)}</span>
                    {scope ? <span className="muted"> {scope}</span> : null}
                  </li>
                )
              })}
            </ul>
          )
        },
      },
      {
        id: 'bindings',
        header: 'Bindings',
        meta: { width: '9%', align: 'right', sortLabel: 'Bindings created' },
        cell: ({ row }) =>
          row.original.status ? (
            <span title="Role bindings created">{row.original.status.rolebindingsCreated}</span>
          ) : (
            <span className="faint" title="Not reconciled yet">
              —
            </span>
          ),
      },
      {
        id: 'created',
        header: 'Created',
        meta: { width: '11%' },
        cell: ({ row }) => <RelativeTime value={row.original.creationTimestamp} />,
      },
      {
        id: 'actions',
        header: () => <span className="sr-only">Actions</span>,
        enableSorting: false,
        meta: { width: '8%', align: 'right' },
        cell: ({ row }) => (
          <button
            type="button"
            className="btn btn-sm btn-ghost"
            aria-label={`Delete ${row.original.name}`}
            disabled={!write.allowed}
            title={write.reason}
            aria-describedby={write.allowed ? undefined : reasonId}
            onClick={() => setDeleting(row.original.name)}
          >
            Delete
          </button>
        ),
      },
    ],
    [deploymentId, write.allowed, write.reason, reasonId],
  )
  const newLink = write.allowed ? (
    <AppLink className="btn btn-primary" to={{ page: 'userNew', deploymentId }}>
      + New user access
    </AppLink>
  ) : null

  let body
  if (list.isPending) body = <Skeleton rows={4} label="Loading user access…" />
  else if (list.isError)
    body = (
      <ErrorState
        title="User access could not be loaded"
        error={list.error}
        onRetry={() => void list.refetch()}
      />
    )
  else if ((list.data ?? []).length === 0)
    body = (
      <EmptyState title="No user access records yet" action={newLink}>
        Nobody has been granted access to this Sovereign&apos;s apps yet. The owner is added automatically
        when they first sign in through the handover link.
      </EmptyState>
    )
  else
    body = (
      <VirtualTable
        label="User access"
        data={rows}
        columns={columns}
        getRowId={(u) => u.name}
        rowHeight={64}
        sort={{ id: sortKey, desc }}
        onSortChange={(id) => {
          const key = id as UsersSortKey
          if (key === sortKey) setSearch({ sort: key, dir: desc ? 'asc' : 'desc' })
          else setSearch({ sort: key, dir: DATE_KEYS.includes(key) ? 'desc' : 'asc' })
        }}
        empty={`No record matches “${urlQ ?? ''}”.`}
      />
    )

  return (
    <div className={styles.page}>
      <PageHeader
        title="User access"
        description={
          list.data
            ? `${list.data.length} record${list.data.length === 1 ? '' : 's'} — who can administer what${fqdn ? ` on ${fqdn}` : ''}.`
            : `Who can administer what${fqdn ? ` on ${fqdn}` : ''}.`
        }
        actions={newLink}
      />
      <PermissionNote id={reasonId} reason={write.reason} />
      {(list.data ?? []).length > 0 ? (
        <div role="search" className={styles.toolbar} aria-label="Filter user access">
          <div className="field">
            <label htmlFor={filterId}>Filter</label>
            <input
              id={filterId}
              className="input"
              type="search"
              value={q}
              placeholder="Name, user, group or app…"
              onChange={(e) => setQ(e.target.value)}
            />
          </div>
          <p className={styles.showing} role="status" aria-live="polite">
            Showing {rows.length} of {list.data?.length ?? 0}
          </p>
        </div>
      ) : null}
      {body}
      <DeleteUserAccessDialog
        mode={mode.mode}
        deploymentId={deploymentId}
        name={deleting}
        onClose={() => setDeleting(undefined)}
      />
    </div>
  )
}

function clean(s: Partial<UsersSearch>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(s)) if (v) out[k] = v
  return out
}
