import { getInputProps, type FieldMetadata, type FormMetadata } from '@conform-to/react'
import { FieldErrors, TextAreaField, TextField } from '~/components/form-fields'

// The fields of a task's metadata document, shared by "create a task" and "edit the task".

// Conform's metadata types differ per schema; these fields only need the common surface.
type Meta = FieldMetadata<any, any, string[]>
type LinkRow = { name: string; url: string }

export type TaskDocumentFieldSet = {
  title: Meta
  description: Meta
  tags: Meta
  projectSize: Meta
  teamSize: Meta
  resources: Meta
  links: FieldMetadata<LinkRow[] | undefined, Record<string, unknown>, string[]>
  requiredCourse: Meta
}

export function TaskDocumentFields({
  form,
  fields,
}: {
  form: FormMetadata<Record<string, unknown>, string[]>
  fields: TaskDocumentFieldSet
}) {
  return (
    <>
      <TextField meta={fields.title} label="Title" />
      <TextAreaField meta={fields.description} label="Description" hint="Markdown. What needs doing, and how the work will be judged." rows={10} />
      <TextField meta={fields.tags} label="Tags" hint="Comma-separated, e.g. rust, indexer, docs." />
      <div className="row">
        <TextField meta={fields.projectSize} label="Project size (hours)" type="number" inputMode="numeric" />
        <TextField meta={fields.teamSize} label="Team size" type="number" inputMode="numeric" />
      </div>
      <TextAreaField meta={fields.resources} label="Resources" hint="Optional: repositories, specs, contacts (Markdown)." rows={3} />
      <LinkFields form={form} links={fields.links} />
      <TextField
        meta={fields.requiredCourse}
        label="Required course (optional)"
        hint="The slug of a course applicants must have completed, e.g. contributing-with-openrd."
      />
    </>
  )
}

/** The rows of a document's `links` (name, URL), with add/remove buttons: tasks, projects and RFPs have them. */
export function LinkFields({ form, links: field }: { form: FormMetadata<Record<string, unknown>, string[]>; links: TaskDocumentFieldSet['links'] }) {
  const links = field.getFieldList()
  return (
    <fieldset>
      <legend>Links</legend>
      {links.map((link, index) => {
        const row = link.getFieldset()
        const { key: nameKey, ...name } = getInputProps(row.name, { type: 'text' })
        const { key: urlKey, ...url } = getInputProps(row.url, { type: 'url' })
        return (
          <div className="row" key={link.key}>
            <div>
              <label htmlFor={row.name.id}>Link {index + 1} name</label>
              <input key={nameKey} {...name} />
              <FieldErrors meta={row.name} />
            </div>
            <div>
              <label htmlFor={row.url.id}>Link {index + 1} URL</label>
              <input key={urlKey} {...url} placeholder="https://…" />
              <FieldErrors meta={row.url} />
            </div>
            <div>
              <button type="submit" className="secondary" {...form.remove.getButtonProps({ name: field.name, index })}>
                Remove link {index + 1}
              </button>
            </div>
          </div>
        )
      })}
      <button type="submit" className="secondary" {...form.insert.getButtonProps({ name: field.name, defaultValue: { name: '', url: '' } })}>
        Add a link
      </button>
      <FieldErrors meta={field} />
    </fieldset>
  )
}
