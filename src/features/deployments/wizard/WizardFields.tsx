import { useId, type ReactNode } from 'react'

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
