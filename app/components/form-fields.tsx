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
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <input key={key} {...props} {...rest} />
      {hint ? (
        <p id={`${meta.id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <FieldErrors meta={meta} />
    </div>
  )
}

export function TextAreaField({ meta, label, hint, rows = 6 }: { meta: Meta; label: ReactNode; hint?: ReactNode; rows?: number }) {
  const { key, ...props } = getTextareaProps(meta, { ariaDescribedBy: hint ? `${meta.id}-hint` : undefined })
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <textarea key={key} rows={rows} {...props} />
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
