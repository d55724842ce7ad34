import type { InboxItem } from '~/models/inbox.server'

// A person's inbox as an Atom feed (RFC 4287), for feed readers: the private URL is the only
// credential, so the feed says nothing more than the inbox does. Every text is XML-escaped.

const escapeXml = (text: string) =>
  text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')

const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString()

export function renderAtomFeed({ feedUrl, origin, subject, items, updated }: { feedUrl: string; origin: string; subject: string; items: InboxItem[]; updated: number }): string {
  const entries = items.map((item) => {
    const url = new URL(item.href, origin).toString()
    return [
      '  <entry>',
      `    <id>${escapeXml(`tag:${new URL(origin).host},2026:inbox/${item.key}`)}</id>`,
      `    <title>${escapeXml(item.title)}</title>`,
      `    <link rel="alternate" href="${escapeXml(url)}"/>`,
      `    <updated>${iso(item.at)}</updated>`,
      `    <category term="${escapeXml(item.kind)}"/>`,
      '  </entry>',
    ].join('\n')
  })
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(`tag:${new URL(origin).host},2026:inbox/${subject}`)}</id>`,
    `  <title>${escapeXml(`Openmesh Portal inbox of ${subject}`)}</title>`,
    `  <link rel="self" href="${escapeXml(feedUrl)}"/>`,
    `  <link rel="alternate" href="${escapeXml(new URL('/inbox', origin).toString())}"/>`,
    `  <updated>${iso(items[0]?.at ?? updated)}</updated>`,
    '  <author><name>Openmesh Portal</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}
