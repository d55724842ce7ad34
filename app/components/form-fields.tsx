import { getInputProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'

// Labelled form controls wired to conform: each shows its errors under it and points at them
// with aria-describedby, so a screen reader reads the error with the field.

type Meta = FieldMetadata<unknown, Record<string, unknown>, string[]>

export function FieldErrors({ meta }: { meta: Meta }) {
  if (!meta.errors?.length) return null
  return (
    <p id={meta.errorId} className="field-error" role="alert">
      {meta.errors.join(' ')}
    </p>
  )
}

export function TextField({
  meta,
  label,
  hint,
  type = 'text',
  ...rest
}: {
  meta: Meta
  label: ReactNode
  hint?: ReactNode
  type?: 'text' | 'date' | 'number' | 'url'
  placeholder?: string
  inputMode?: 'decimal' | 'numeric' | 'text'
  autoComplete?: string
}) {
  const { key, ...props } = getInputProps(meta, { type, ariaDescribedBy: hint ? `${meta.id}-hint` : undefined })
  return (
    <Field meta={meta} label={label} hint={hint}>
      <input key={key} {...props} {...rest} />
    </Field>
  )
}

export function TextAreaField({ meta, label, hint, rows = 6 }: { meta: Meta; label: ReactNode; hint?: ReactNode; rows?: number }) {
  const { key, ...props } = getTextareaProps(meta, { ariaDescribedBy: hint ? `${meta.id}-hint` : undefined })
  return (
    <Field meta={meta} label={label} hint={hint}>
      <textarea key={key} rows={rows} {...props} />
    </Field>
  )
}

/** A control with its label above, and its hint and errors below (the control points at the hint by id). */
function Field({ meta, label, hint, children }: { meta: Meta; label: ReactNode; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {children}
      {hint ? (
        <p id={`${meta.id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors meta={meta} />
    </div>
  )
}

/** Errors that belong to the whole form (e.g. from the server) rather than to one field. */
export function FormErrors({ errors, id }: { errors?: string[]; id: string }) {
  if (!errors?.length) return null
  return (
    <p id={id} className="form-error" role="alert">
      {errors.join(' ')}
    </p>
  )
}
