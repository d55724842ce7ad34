import nodemailer from 'nodemailer'
import type { OutboxRow } from '~/models/notification-outbox.server'

// E-mail over SMTP (nodemailer): the confirmation of a new address, and digests of inbox items.
// Every text in a mail comes from the outbox payload (untrusted titles included), so the HTML part
// escapes all of it; the plain-text part is the same content.

export type Mailer = {
  send(mail: { to: string; subject: string; text: string; html: string }): Promise<void>
  close(): void
}

export function createSmtpMailer({ smtpUrl, from }: { smtpUrl: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(smtpUrl, { from })
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail })
    },
    close: () => transport.close(),
  }
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? escapeHtml(url) : '#')

export function confirmationMail(row: OutboxRow): { to: string; subject: string; text: string; html: string } {
  const { payload } = row
  return {
    to: payload.to!,
    subject: payload.title,
    text: payload.text,
    html: `<p>${escapeHtml(payload.text.split('\n')[0]!)}</p><p><a href="${safeHref(payload.url)}">Confirm this address</a></p><p>${escapeHtml(payload.text.split('\n').slice(1).join(' '))}</p>`,
  }
}

export function digestMail(to: string, rows: OutboxRow[], settingsUrl: string): { to: string; subject: string; text: string; html: string } {
  const subject = rows.length === 1 ? `Openmesh Portal: ${rows[0]!.payload.title}`.slice(0, 200) : `Openmesh Portal: ${rows.length} new notifications`
  const lines = rows.map((row) => `- ${row.payload.title}\n  ${row.payload.url}`)
  return {
    to,
    subject,
    text: `${lines.join('\n')}\n\nChoose what you receive, or stop these e-mails: ${settingsUrl}\n`,
    html: `<ul>${rows.map((row) => `<li><a href="${safeHref(row.payload.url)}">${escapeHtml(row.payload.title)}</a></li>`).join('')}</ul><p><a href="${safeHref(settingsUrl)}">Choose what you receive, or stop these e-mails</a></p>`,
  }
}
