/**
 * One grant of a UserAccess record (app, role, optional namespaces and vClusters) as a fieldset of the
 * user-access form. Moved out of UserAccessScreen.tsx to keep that file small; it shares the screen's CSS
 * module.
 */
import { useId } from 'react'
import { USER_ROLES } from '../../contracts/users.ts'
import type { DraftErrors, FieldKey, GrantDraft } from './userAccessModel.ts'
import styles from './UserAccessScreen.module.css'

const ROLE_HINTS: Record<string, string> = {
  admin: 'admin — full control',
  editor: 'editor — change, not delete',
  viewer: 'viewer — read only',
}

export function GrantRow({
  index,
  grant,
  errors,
  appOptions,
  catalogError,
  onChange,
  onRemove,
}: {
  index: number
  grant: GrantDraft
  errors: DraftErrors
  appOptions: readonly { value: string; label: string }[]
  catalogError: boolean
  onChange: (patch: Partial<GrantDraft>) => void
  onRemove: () => void
}) {
  const base = useId()
  const n = index + 1
  const field = (key: 'app' | 'role' | 'namespaces' | 'vClusters', hasHint = false) => {
    const k = `grants.${index}.${key}` as FieldKey
    const id = `${base}-${key}`
    return {
      id,
      error: errors[k],
      props: {
        id,
        'aria-invalid': errors[k] ? true : undefined,
        'aria-describedby': errors[k] ? `${id}-error` : hasHint ? `${id}-hint` : undefined,
      },
    }
  }
  const app = field('app')
  const role = field('role')
  const ns = field('namespaces', true)
  const vc = field('vClusters', true)
  const err = (f: { id: string; error: string | undefined }, hint?: string) =>
    f.error ? (
      <span id={`${f.id}-error`} className="field-error">
        {f.error}
      </span>
    ) : hint ? (
      <span id={`${f.id}-hint`} className="field-hint">
        {hint}
      </span>
    ) : null
  return (
    <fieldset className={styles.grant}>
      <legend>Grant {n}</legend>
      <div className={styles.grantFields}>
        <div className="field">
          <label htmlFor={app.id}>App</label>
          <select
            {...app.props}
            className="select"
            value={grant.app}
            onChange={(e) => onChange({ app: e.target.value })}
          >
            <option value="">Choose an app…</option>
            <option value="*">* — every app</option>
            {appOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label} ({o.value})
              </option>
            ))}
          </select>
          {err(app)}
          {catalogError ? (
            <span className="field-hint">
              The catalog could not be loaded — only “*” and the record&apos;s own apps are offered.
            </span>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={role.id}>Role</label>
          <select
            {...role.props}
            className="select"
            value={grant.role}
            onChange={(e) => onChange({ role: e.target.value as GrantDraft['role'] })}
          >
            <option value="">Choose a role…</option>
            {USER_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_HINTS[r] ?? r}
              </option>
            ))}
          </select>
          {err(role)}
        </div>
        <div className="field">
          <label htmlFor={ns.id}>Namespaces (optional)</label>
          <input
            {...ns.props}
            className="input mono"
            value={grant.namespaces}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onChange({ namespaces: e.target.value })}
          />
          {err(ns, 'Empty = every namespace of the app.')}
        </div>
        <div className="field">
          <label htmlFor={vc.id}>vClusters (optional)</label>
          <input
            {...vc.props}
            className="input mono"
            value={grant.vClusters}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onChange({ vClusters: e.target.value })}
          />
          {err(vc, 'Empty = the host cluster and every vCluster.')}
        </div>
        <div className={styles.removeCell}>
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            onClick={onRemove}
            aria-label={`Remove grant ${n}`}
          >
            Remove
          </button>
        </div>
      </div>
    </fieldset>
  )
}
