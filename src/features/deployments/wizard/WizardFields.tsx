import { useId, type ReactNode, type Ref } from 'react'

/** A labelled wizard field: hint and error wired to the control through aria-describedby. */
export function Field({
  label,
  error,
  hint,
  children,
  id,
}: {
  label: string
  error?: string | undefined
  hint?: ReactNode
  children: (p: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode
  id?: string
}) {
  const auto = useId()
  const fieldId = id ?? auto
  const hintId = `${fieldId}-hint`
  const errId = `${fieldId}-error`
  const describedBy = [hint ? hintId : '', error ? errId : ''].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      {children({ id: fieldId, 'aria-invalid': !!error, 'aria-describedby': describedBy })}
      {hint ? (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errId} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  )
}

/** A labelled `<select>` over a fixed option list (regions, SKUs, pool domains). */
export function SelectField({
  label,
  error,
  value,
  options,
  onChange,
}: {
  label: string
  error?: string | undefined
  value: string
  options: readonly { id: string; label: string }[]
  onChange: (value: string) => void
}) {
  return (
    <Field label={label} error={error}>
      {(p) => (
        <select {...p} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

/**
 * A secret (provider token, registrar token, S3 key): an uncontrolled password field, so the value never
 * enters React state or the markup; callers read it through `inputRef` or copy it out in `onChange`.
 * No `name` (nothing for a form post or a password manager to file it under) and `new-password`:
 * Chromium ignores `off` on password fields and would offer a saved site password here.
 */
export function SecretField({
  label,
  error,
  hint,
  inputRef,
  disabled,
  onChange,
}: {
  label: string
  error?: string | undefined
  hint: ReactNode
  inputRef?: Ref<HTMLInputElement> | undefined
  disabled?: boolean | undefined
  onChange?: ((value: string) => void) | undefined
}) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(p) => (
        <input
          {...p}
          ref={inputRef}
          className="input mono"
          type="password"
          autoComplete="new-password"
          spellCheck={false}
          disabled={disabled}
          onChange={onChange ? (e) => onChange(e.target.value) : undefined}
        />
      )}
    </Field>
  )
}
