import { useQuery } from '@tanstack/react-query'
import { useNavigate } from '@tanstack/react-router'
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react'
import { AppLink } from '../../components/AppLink.tsx'
import { splitHref } from '../../lib/links.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import { PermissionNote } from '../../components/PermissionNote.tsx'
import { EmptyState, ErrorState, Skeleton } from '../../components/States.tsx'
import { sovereignRefOf, type UserAccess } from '../../contracts/users.ts'
import { catalogQueryOptions } from '../../entities/catalog/catalogQueries.ts'
import { deploymentQueryOptions } from '../../entities/deployment/deploymentQueries.ts'
import { useCan } from '../../entities/session/permissions.ts'
import { useDeploymentId } from '../../lib/deploymentScope.ts'
import { errorMessage, isApiError } from '../../lib/http.ts'
import { useLinks, useMode } from '../../lib/modeContext.tsx'
import { useSaveUserAccess } from '../../entities/user-access/useSaveUserAccess.ts'
import { userAccessQueryOptions } from '../../entities/user-access/userAccessQueries.ts'
import { DeleteUserAccessDialog } from './components/DeleteUserAccessDialog.tsx'
import { GrantRow } from './GrantRow.tsx'
import {
  NAME_RULE,
  describeRefusal,
  draftFromUserAccess,
  emptyDraft,
  newGrantDraft,
  specFromDraft,
  validateDraft,
  type DraftErrors,
  type FieldKey,
  type GrantDraft,
  type UserAccessDraft,
} from './userAccessModel.ts'
import styles from './UserAccessScreen.module.css'
import { usePageParam } from '../../lib/routeSearch.ts'

/**
 * `/users/new` and `/users/$name`: create or edit one UserAccess record — who (a Keycloak subject and/or
 * groups) and a list of grants `{app, role, namespaces?, vClusters?}`. Validated before sending; server
 * refusals (409 conflict, 400 invalid) are shown in words.
 */
export function UserAccessScreen() {
  const routeName = usePageParam('name')
  const creating = routeName === undefined
  const deploymentId = useDeploymentId()
  const mode = useMode()
  const list = useQuery(userAccessQueryOptions(mode.mode, deploymentId))
  const state = useQuery(deploymentQueryOptions(deploymentId))
  const fqdn = mode.sovereignFQDN ?? state.data?.sovereignFQDN ?? ''

  const back = (
    <AppLink className={styles.back} to={{ page: 'users', deploymentId }}>
      ← All user access
    </AppLink>
  )
  if (creating) {
    return (
      <div className={styles.page}>
        {back}
        <PageHeader
          title="New user access"
          description={`Grant someone access to apps${fqdn ? ` on ${fqdn}` : ''}.`}
        />
        <UserAccessForm
          key="new"
          creating
          initial={emptyDraft()}
          existingNames={list.data?.map((u) => u.name)}
          deploymentId={deploymentId}
          sovereignRef={fqdn ? sovereignRefOf(fqdn) : ''}
        />
      </div>
    )
  }
  if (list.isPending) {
    return (
      <div className={styles.page}>
        {back}
        <PageHeader title="Edit user access" description={routeName} />
        <Skeleton rows={5} label="Loading the record…" />
      </div>
    )
  }
  if (list.isError) {
    return (
      <div className={styles.page}>
        {back}
        <PageHeader title="Edit user access" description={routeName} />
        <ErrorState
          title="User access could not be loaded"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      </div>
    )
  }
  const record = list.data.find((u) => u.name === routeName)
  if (!record) {
    return (
      <div className={styles.page}>
        {back}
        <PageHeader title="User access not found" />
        <EmptyState
          title={`No record named “${routeName}”`}
          action={
            <AppLink className="btn" to={{ page: 'users', deploymentId }}>
              Back to user access
            </AppLink>
          }
        >
          It may have been deleted, or the link is mistyped.
        </EmptyState>
      </div>
    )
  }
  return (
    <div className={styles.page}>
      {back}
      <PageHeader
        title={`Edit ${record.name}`}
        description="Change who this record is for and what they may do."
      />
      <UserAccessForm
        key={record.name}
        creating={false}
        initial={draftFromUserAccess(record)}
        record={record}
        deploymentId={deploymentId}
        sovereignRef={record.spec.sovereignRef || (fqdn ? sovereignRefOf(fqdn) : '')}
      />
    </div>
  )
}

function UserAccessForm({
  creating,
  initial,
  record,
  existingNames,
  deploymentId,
  sovereignRef,
}: {
  creating: boolean
  initial: UserAccessDraft
  record?: UserAccess
  existingNames?: readonly string[] | undefined
  deploymentId: string
  sovereignRef: string
}) {
  const mode = useMode()
  const links = useLinks()
  const navigate = useNavigate()
  const catalog = useQuery(catalogQueryOptions())
  const save = useSaveUserAccess(mode.mode, deploymentId)
  const [draft, setDraft] = useState(initial)
  const [errors, setErrors] = useState<DraftErrors>({})
  const [submitted, setSubmitted] = useState(false)
  const [deleting, setDeleting] = useState<string | undefined>()
  const formRef = useRef<HTMLFormElement>(null)
  // Bumped when a submit fails; the effect runs after the errors are on screen and moves focus there:
  // the first invalid field, else the summary (which also carries server refusals).
  const [focusRequest, setFocusRequest] = useState(0)
  useEffect(() => {
    if (focusRequest === 0) return
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
    ;(first ?? summaryRef.current)?.focus()
  }, [focusRequest])
  const summaryRef = useRef<HTMLDivElement>(null)
  const ids = { name: useId(), subject: useId(), groups: useId(), user: useId(), reason: useId() }
  const write = useCan('userAccess.write')
  const gated = write.allowed ? {} : { disabled: true, title: write.reason, 'aria-describedby': ids.reason }

  const appOptions = useMemo(() => {
    const opts = (catalog.data ?? []).map((bp) => ({
      value: `bp-${bp.name.replace(/^(bp-)+/, '')}`,
      label: bp.card.title || bp.name,
    }))
    const known = new Set(opts.map((o) => o.value))
    // Keep apps of the record that the catalog does not list (selectable, marked).
    for (const g of draft.grants)
      if (g.app && g.app !== '*' && !known.has(g.app)) {
        known.add(g.app)
        opts.push({ value: g.app, label: `${g.app} (not in the catalog)` })
      }
    return opts.sort((a, b) => a.label.localeCompare(b.label))
  }, [catalog.data, draft.grants])

  const update = (next: UserAccessDraft) => {
    setDraft(next)
    // After a first submit, errors follow the edits so fixed fields clear at once.
    if (submitted) setErrors(validateDraft(next, { creating, existingNames }))
  }
  const updateGrant = (i: number, patch: Partial<GrantDraft>) =>
    update({ ...draft, grants: draft.grants.map((g, j) => (j === i ? { ...g, ...patch } : g)) })

  const fieldProps = (key: FieldKey, id: string) => ({
    id,
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `${id}-error` : undefined,
  })
  const fieldError = (key: FieldKey, id: string) =>
    errors[key] ? (
      <span id={`${id}-error`} className="field-error">
        {errors[key]}
      </span>
    ) : null

  const onSubmit = (e: FormEvent) => {
    e.preventDefault()
    setSubmitted(true)
    save.reset()
    const found = validateDraft(draft, { creating, existingNames })
    setErrors(found)
    if (Object.keys(found).length > 0) {
      setFocusRequest((n) => n + 1)
      return
    }
    const name = creating ? draft.name.trim() : (record?.name ?? draft.name)
    save.mutate(
      { kind: creating ? 'create' : 'update', name, spec: specFromDraft(draft, sovereignRef) },
      {
        onSuccess: () => {
          const { to } = splitHref(links.to({ page: 'users', deploymentId }))
          void navigate({ to })
        },
        onError: () => setFocusRequest((n) => n + 1),
      },
    )
  }

  const errorList = Object.values(errors).filter(Boolean)
  const refusal = save.isError
    ? isApiError(save.error)
      ? describeRefusal(save.error, creating ? draft.name.trim() : (record?.name ?? ''))
      : errorMessage(save.error)
    : undefined

  return (
    <form
      ref={formRef}
      className={styles.form}
      noValidate
      onSubmit={onSubmit}
      aria-label={creating ? 'New user access' : `Edit ${record?.name ?? ''}`}
    >
      {errorList.length > 0 || refusal ? (
        <div ref={summaryRef} tabIndex={-1} role="alert" className={styles.summary}>
          {refusal ? (
            <p className={styles.summaryTitle}>Not saved: {refusal}</p>
          ) : (
            <>
              <p className={styles.summaryTitle}>
                Fix {errorList.length === 1 ? 'this problem' : `these ${errorList.length} problems`} before
                saving:
              </p>
              <ul>
                {errorList.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : null}

      <fieldset className={styles.fieldset}>
        <legend>Record</legend>
        {creating ? (
          <div className="field">
            <label htmlFor={ids.name}>Name</label>
            <input
              {...fieldProps('name', ids.name)}
              className="input mono"
              value={draft.name}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => update({ ...draft, name: e.target.value })}
            />
            {fieldError('name', ids.name) ?? <span className="field-hint">{NAME_RULE}</span>}
          </div>
        ) : (
          <p className={styles.readonlyName}>
            <span className="muted">Name: </span>
            <span className="mono">{record?.name}</span>
            <span className="faint"> (a record&apos;s name cannot change)</span>
          </p>
        )}
      </fieldset>

      <fieldset className={styles.fieldset} aria-describedby={errors.user ? `${ids.user}-error` : undefined}>
        <legend>Who</legend>
        <div className={styles.row}>
          <div className="field">
            <label htmlFor={ids.subject}>User (Keycloak subject or email)</label>
            <input
              id={ids.subject}
              className="input"
              value={draft.subject}
              autoComplete="off"
              aria-invalid={errors.user ? true : undefined}
              aria-describedby={errors.user ? `${ids.user}-error` : undefined}
              onChange={(e) => update({ ...draft, subject: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.groups}>Groups (comma-separated)</label>
            <input
              id={ids.groups}
              className="input"
              value={draft.groups}
              autoComplete="off"
              onChange={(e) => update({ ...draft, groups: e.target.value })}
            />
          </div>
        </div>
        {fieldError('user', ids.user) ?? (
          <span className="field-hint">A user, one or more Keycloak groups, or both.</span>
        )}
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend>Grants</legend>
        {errors.grants ? (
          <span className="field-error" role="status">
            {errors.grants}
          </span>
        ) : null}
        <ol className={styles.grants}>
          {draft.grants.map((g, i) => (
            <li key={g.key}>
              <GrantRow
                index={i}
                grant={g}
                errors={errors}
                appOptions={appOptions}
                catalogError={catalog.isError}
                onChange={(patch) => updateGrant(i, patch)}
                onRemove={() => update({ ...draft, grants: draft.grants.filter((_, j) => j !== i) })}
              />
            </li>
          ))}
        </ol>
        <div>
          <button
            type="button"
            className="btn"
            onClick={() => update({ ...draft, grants: [...draft.grants, newGrantDraft()] })}
          >
            + Add grant
          </button>
        </div>
      </fieldset>

      <PermissionNote id={ids.reason} reason={write.reason} />
      <div className={styles.actions}>
        {!creating && record ? (
          <button
            type="button"
            className="btn btn-danger"
            {...gated}
            onClick={() => setDeleting(record.name)}
          >
            Delete…
          </button>
        ) : null}
        <span className={styles.spacer} />
        <AppLink className="btn" to={{ page: 'users', deploymentId }}>
          Cancel
        </AppLink>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={save.isPending || !write.allowed}
          title={write.reason}
          aria-describedby={write.allowed ? undefined : ids.reason}
          aria-busy={save.isPending}
        >
          {save.isPending ? 'Saving…' : creating ? 'Create user access' : 'Save changes'}
        </button>
      </div>
      <DeleteUserAccessDialog
        mode={mode.mode}
        deploymentId={deploymentId}
        name={deleting}
        onClose={() => setDeleting(undefined)}
        onDeleted={() => {
          const { to } = splitHref(links.to({ page: 'users', deploymentId }))
          return navigate({ to, replace: true })
        }}
      />
    </form>
  )
}
