import { privateKeyToAccount } from 'viem/accounts'
import { startSmtpReceiver, startWebhookListener, type SmtpReceiver, type WebhookListener } from '../app/notifications/testing/local-receivers'
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from '../app/notifications/webhook.server'
import { passCourse } from './course-quiz'
import { E2E_BASE_URL, E2E_SMTP_PORT, expect, resolveAccount, test } from './fixtures'
import { inAMonth, sendTasks, storeDocument, taskCount, waitForIndexer } from './tasks-chain'
import { failOnPageErrors, uniqueWord, waitForHydration } from './tasks-helpers'

// Issue 24 end to end on the seeded world: Dalia Haddad (verified, in two departments, manager of
// tasks, voter on the DAO's and her departments' proposals) earns a certificate, and her profile
// shows all of it, charts included, to a browser without JavaScript; she edits her profile with a
// wallet signature, and nobody else can; an application on her new task reaches her inbox, a
// webhook listener and an SMTP server on 127.0.0.1 that this file starts (real HTTP and SMTP).

const dalia = resolveAccount('Dalia Haddad')
const ada = resolveAccount('Ada Okafor')
const ivan = resolveAccount('Ivan Petrov')
const profileOf = (address: string) => `/contributors/${address}`
const origin = new URL(E2E_BASE_URL).origin
const json = { Origin: origin, 'Content-Type': 'application/json' }

let hook: WebhookListener
let smtp: SmtpReceiver

test.beforeAll(async () => {
  hook = await startWebhookListener()
  smtp = await startSmtpReceiver({ port: E2E_SMTP_PORT })
})

test.afterAll(async () => {
  await Promise.all([hook?.close(), smtp?.close()])
})

test.describe.configure({ mode: 'serial' })

test('a seeded contributor’s profile shows tasks, votes, certificates, the timeline and the charts, without JavaScript', async ({ page, signInAs, browser }) => {
  test.setTimeout(150_000)
  await signInAs(dalia, { path: '/courses/wallets-and-signing' })
  await passCourse(page, 'wallets-and-signing')

  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: E2E_BASE_URL })
  const visitor = await context.newPage()
  await visitor.goto(profileOf(dalia.address))
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Dalia Haddad')
  const badges = visitor.getByRole('list', { name: 'Badges' })
  await expect(badges).toContainText('Verified contributor · OVC #')
  await expect(badges.getByRole('link', { name: 'Dispute department' })).toBeVisible()

  const figure = (label: string) => visitor.locator('.profile-figures > div').filter({ has: visitor.getByText(label, { exact: true }) }).locator('dd')
  await expect(figure('Tasks managed')).toHaveText(/^[1-9]\d*$/)
  await expect(figure('Votes')).toHaveText(/^[1-9]\d*$/)
  await expect(figure('Proposals')).toHaveText(/^[1-9]\d*$/)
  await expect(figure('Certificates')).toHaveText('1')
  await expect(figure('Courses completed')).toHaveText('1')
  await expect(visitor.getByRole('link', { name: 'Wallets and signing safely' }).first()).toBeVisible()

  // One timeline across the doors: the certificate and the course are in it next to tasks and votes.
  const timeline = visitor.getByRole('list', { name: 'Timeline entries, newest first' })
  await visitor.goto(`${profileOf(dalia.address)}?kind=certificates&kind=courses`)
  await expect(timeline.locator('li[data-kind="certificates"]')).toContainText('Earned the certificate Wallets and signing safely')
  await expect(timeline.locator('li[data-kind="courses"]')).toContainText('Completed the course Wallets and signing safely')
  await visitor.goto(profileOf(dalia.address))
  // Filtering by kind is a plain GET form; the next page is a plain link with a cursor.
  await visitor.getByRole('group', { name: 'Show' }).getByLabel('Votes').check()
  await visitor.getByRole('button', { name: 'Filter' }).click()
  await expect(visitor).toHaveURL(/[?&]kind=votes/)
  const kinds = await timeline.locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')))
  expect(kinds.length).toBeGreaterThan(0)
  expect(new Set(kinds)).toEqual(new Set(['votes']))
  await expect(timeline).toContainText(/Voted (yes|no|abstain) on/)
  await visitor.goto(profileOf(dalia.address))
  const firstPage = await timeline.locator('li').allTextContents()
  await visitor.getByRole('link', { name: 'Older entries' }).click()
  await expect(visitor).toHaveURL(/cursor=/)
  const secondPage = await timeline.locator('li').allTextContents()
  expect(secondPage.length).toBeGreaterThan(0)
  expect(secondPage.some((entry) => firstPage.includes(entry))).toBe(false)
  expect(firstPage.join('\n')).toMatch(/Tasks (Created|Became the manager of)/)
  await expect(timeline).toContainText(/Membership Joined the (Dispute|Expert) department/)
  // Every entry is a sentence, never an event's internal name.
  expect([...firstPage, ...secondPage].join('\n')).not.toMatch(/\b(task|dao|department|rfp)\.[a-z-]+/)

  // The charts are SVG drawn on the server, with a title, a description and a table of the same numbers.
  await visitor.goto(profileOf(dalia.address))
  const charts = visitor.getByRole('region', { name: 'Over the last year' }).or(visitor.locator('section.profile-charts'))
  const activity = charts.getByRole('img', { name: /Activity per month/ })
  await expect(activity).toBeVisible()
  expect(await activity.evaluate((svg) => svg.tagName.toLowerCase())).toBe('svg')
  expect(await activity.locator('rect').count()).toBeGreaterThan(0)
  const description = await activity.locator('desc').textContent()
  expect(description).toMatch(/Learning: [1-9]\d*, Contributing: [1-9]\d*, Governing: [1-9]\d*\./)
  const table = charts.locator('table').filter({ hasText: 'Learning' })
  const lastMonth = table.locator('tbody tr').last()
  await expect(lastMonth.locator('td').first()).not.toHaveText('0') // learning this month: the course

  // A phone's width: no sideways scrolling (the charts scale, their tables scroll in place).
  await visitor.setViewportSize({ width: 375, height: 800 })
  await visitor.goto(profileOf(dalia.address))
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  // Earnings per token with their USD value from the devnet's price feeds, and the sum.
  await visitor.goto(profileOf(resolveAccount('Jamila Yusuf').address))
  await expect(figure('Earned')).toContainText(/\d[\d,.]* OPEN \(\$[\d,]+\.\d\d\)/)
  await expect(figure('Earned')).toContainText(/≈ \$[\d,]+\.\d\d in all/)
  await context.close()
})

test('editing one’s own profile is signature-checked; someone else’s is refused', async ({ page, signInAs }) => {
  test.setTimeout(120_000)
  const name = `Dalia ${uniqueWord('h')}`
  failOnPageErrors(page)
  await signInAs(dalia, { path: profileOf(dalia.address) })
  await waitForHydration(page)
  // "My work": the tasks she manages, with what each waits on.
  const work = page.getByRole('region', { name: 'My work' })
  await expect(work.getByRole('listitem').first()).toContainText('You manage')
  await expect(work.getByText(/^Waiting on( you)?: /).first()).toBeVisible()
  await page.getByText('Edit your profile').click()
  const editor = page.getByRole('form', { name: 'Edit your profile' })
  await editor.getByLabel('Display name').fill(name)
  await editor.getByLabel('Bio').fill('Reviews **disputes**. <script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"> [click](javascript:alert(1))')
  await editor.getByLabel('Link 1 name').fill('Site')
  await editor.getByLabel('Link 1 URL').fill('https://dalia.example')
  await editor.getByRole('button', { name: 'Sign and save profile' }).click()
  await expect(editor.getByRole('status')).toHaveText('Profile saved.', { timeout: 30_000 })

  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  const bio = page.locator('.profile-bio')
  await expect(bio.locator('strong')).toHaveText('disputes')
  expect(await bio.locator('script, img, [onerror], a[href^="javascript"]').count()).toBe(0)
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined()
  await expect(page.getByRole('link', { name: 'Site', exact: true })).toHaveAttribute('href', 'https://dalia.example')
  // The same name on the directory and on the pages of her tasks.
  await page.goto(`/contributors?q=${encodeURIComponent(name)}`)
  await expect(page.getByRole('link', { name })).toBeVisible()
  await page.goto(`${profileOf(dalia.address)}?kind=tasks`)
  await page.getByRole('list', { name: 'Timeline entries, newest first' }).locator('li', { hasText: /^Tasks Created/ }).first().getByRole('link').click()
  await expect(page).toHaveURL(/\/tasks\/31337\/\d+$/)
  await expect(page.getByRole('region', { name: 'On chain' }).getByRole('link', { name, exact: true }).first()).toBeVisible()
  await page.goto('/dao/members')
  await expect(page.getByRole('link', { name, exact: true }).first()).toBeVisible()

  // The saved document is the OpenR&D app's profile, signed with its message: a signature by
  // another key is refused, and so is a body that is not a signature.
  const prepared = await page.request.post(`${profileOf(dalia.address)}/profile`, { headers: json, data: { intent: 'prepare', title: 'Not Dalia', description: '', links: [] } })
  expect(prepared.status()).toBe(200)
  const { uri, message } = (await prepared.json()) as { uri: string; message: string }
  expect(message).toBe(`OpenR&D metadata: ${uri}`)
  const forged = await privateKeyToAccount(ada.privateKey).signMessage({ message })
  const refused = await page.request.post(`${profileOf(dalia.address)}/profile`, { headers: json, data: { intent: 'save', uri, signature: forged } })
  expect(refused.status()).toBe(403)
  expect(((await refused.json()) as { error: string }).error).toContain('not made by')
  expect((await page.request.post(`${profileOf(dalia.address)}/profile`, { headers: json, data: { intent: 'save', uri, signature: '0x1234' } })).status()).toBe(400)
  // Oversized: refused with the field's error, nothing stored.
  const oversized = await page.request.post(`${profileOf(dalia.address)}/profile`, { headers: json, data: { intent: 'prepare', title: 'x'.repeat(65), description: 'y'.repeat(20_000), links: [] } })
  expect(oversized.status()).toBe(400)
  expect(Object.keys(((await oversized.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors).sort()).toEqual(['description', 'title'])
  // Without the Origin: refused before anything is read.
  expect((await page.request.post(`${profileOf(dalia.address)}/profile`, { headers: { 'Content-Type': 'application/json' }, data: { intent: 'prepare', title: 'x' } })).status()).toBe(403)
  await page.goto(profileOf(dalia.address))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)

  // Someone else's profile: no editor, and the endpoint refuses Dalia's session for Ada's address.
  await page.goto(profileOf(ada.address))
  await expect(page.getByText('Edit your profile')).toHaveCount(0)
  const other = await page.request.post(`${profileOf(ada.address)}/profile`, { headers: json, data: { intent: 'prepare', title: 'Hijacked', description: '', links: [] } })
  expect(other.status()).toBe(403)
  // Even with a valid signature of Dalia's own over a stored profile document.
  const daliaSigned = await privateKeyToAccount(dalia.privateKey).signMessage({ message })
  expect((await page.request.post(`${profileOf(ada.address)}/profile`, { headers: json, data: { intent: 'save', uri, signature: daliaSigned } })).status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ada Okafor')
})

test('bad addresses are 404 pages; an address with no activity is an empty profile', async ({ page }) => {
  failOnPageErrors(page)
  for (const bad of ['0x123', 'not-an-address', `0x${'g'.repeat(40)}`]) {
    const response = await page.goto(`/contributors/${bad}`)
    expect(response?.status(), bad).toBe(404)
    await expect(page.getByRole('alert')).toContainText('is not an address')
  }
  const nobody = '0x00000000000000000000000000000000000c0ffe'
  expect((await page.goto(profileOf(nobody)))?.status()).toBe(200)
  await expect(page.getByText('No activity yet.')).toBeVisible()
  await expect(page.getByText('No bio yet.')).toBeVisible()
  await waitForHydration(page) // and the page hydrates without an error
  await expect(page.getByText('No activity yet.')).toBeVisible()
  expect((await page.goto(`${profileOf(nobody)}?kind=nonsense`))?.status()).toBe(400)
  expect((await page.goto(`${profileOf(nobody)}?cursor=garbage`))?.status()).toBe(400)
})

test('the directory searches, filters, sorts and ranks, and fits a 375 px screen without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: E2E_BASE_URL, viewport: { width: 375, height: 800 } })
  const page = await context.newPage()
  const rows = page.locator('table.directory-table tbody tr')
  const column = (label: string) => rows.locator(`td[data-label="${label}"]`).allTextContents()
  const addresses = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-address')))
  const numbers = async (label: string) => (await column(label)).map((text) => Number(text.trim()))
  const descending = (values: number[]) => values.every((value, i) => i === 0 || values[i - 1]! >= value)

  await page.goto('/contributors')
  expect(await rows.count()).toBeGreaterThan(8)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  // Search by name and by address.
  await page.getByRole('searchbox', { name: 'Search' }).fill('Chen')
  await page.getByRole('button', { name: 'Show' }).click()
  expect(await addresses()).toEqual([resolveAccount('Chen Wei').address.toLowerCase()])
  await page.goto(`/contributors?q=${resolveAccount('Chen Wei').address.slice(0, 8)}`)
  expect(await addresses()).toEqual([resolveAccount('Chen Wei').address.toLowerCase()])

  // Filters: verified, department, completed a task, holds a certificate.
  await page.goto('/contributors')
  await page.getByLabel('Verified contributors').check()
  await page.getByLabel('Department').selectOption({ label: 'Dispute' })
  await page.getByRole('button', { name: 'Show' }).click()
  expect(new Set(await addresses())).toEqual(new Set(['Bruno Costa', 'Chen Wei', 'Dalia Haddad'].map((who) => resolveAccount(who).address.toLowerCase())))
  await page.goto('/contributors?completed=1')
  expect((await numbers('Tasks done')).every((n) => n >= 1)).toBe(true)
  await page.goto('/contributors?certificate=1')
  expect(await addresses()).toContain(dalia.address.toLowerCase())
  expect((await numbers('Certificates')).every((n) => n >= 1)).toBe(true)

  // Sorts, and the leaderboard of verified contributors by the OVC indexer's score.
  await page.goto('/contributors?sort=votes')
  expect(descending(await numbers('Votes'))).toBe(true)
  await page.goto('/contributors?sort=tasks')
  expect(descending(await numbers('Tasks done'))).toBe(true)
  await page.goto('/contributors?sort=score')
  await expect(page.getByText('Ranked like Openmesh’s OVC indexer')).toBeVisible()
  expect(await numbers('Rank')).toEqual((await numbers('Rank')).map((_, i) => i + 1))
  expect(descending(await numbers('Score'))).toBe(true)
  expect((await column('Roles')).every((roles) => roles.includes('verified'))).toBe(true)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

  // Nonsense in the URL is a 400 that says what is wrong.
  const bad = await page.goto('/contributors?sort=loudest')
  expect(bad?.status()).toBe(400)
  await expect(page.getByRole('alert')).toContainText('is not a way to sort')
  await context.close()
})

test('a new application shows in the manager’s inbox and reaches her webhook and her mailbox', async ({ page, signInAs, baseURL }) => {
  test.setTimeout(150_000)
  const email = `dalia.${uniqueWord('m')}@example.test`
  await signInAs(dalia, { path: '/notifications' })
  const webhookForm = page.locator('form').filter({ has: page.getByLabel('Webhook URL') })
  await webhookForm.getByLabel('Webhook URL').fill(hook.url)
  await webhookForm.getByLabel('An application on a task you manage').check()
  await webhookForm.getByRole('button', { name: 'Save webhook' }).click()
  await expect(page.getByRole('status')).toContainText('Webhook saved: new items of the chosen kinds are posted to it.')
  const secret = (await page.locator('.secret').filter({ hasText: /^whsec_/ }).textContent())!.trim()

  const emailForm = page.locator('form').filter({ has: page.getByLabel('E-mail address') })
  await emailForm.getByLabel('E-mail address').fill(email)
  await emailForm.getByLabel('How often').selectOption('immediate')
  await emailForm.getByLabel('An application on a task you manage').check()
  await emailForm.getByRole('button', { name: 'Save e-mail settings' }).click()
  await expect(page.getByRole('status')).toContainText(`We sent a confirmation link to ${email}`)

  // The portal's own notifier mails the confirmation link; following it and pressing Confirm starts digests.
  await expect.poll(() => smtp.mails.filter((mail) => mail.to.includes(email)).length, { timeout: 30_000 }).toBe(1)
  const link = /https?:\/\/[^\s"<>]+\/notifications\/confirm\/[A-Za-z0-9_-]{43}/.exec(smtp.mails.find((mail) => mail.to.includes(email))!.text)![0]
  await page.goto(new URL(new URL(link).pathname, baseURL).toString())
  await expect(page.getByText(`Receive Openmesh Portal notifications at ${email}?`)).toBeVisible()
  await page.getByRole('button', { name: 'Confirm' }).click()
  await expect(page.getByRole('status')).toContainText('Confirmed: digests now go to the address this link was sent to.')
  // The link works once.
  expect((await page.request.get(new URL(link).pathname)).status()).toBe(404)

  // A private Atom feed of the same inbox, at a URL shown once.
  await page.goto('/notifications')
  const feedForm = page.locator('form').filter({ has: page.getByRole('button', { name: 'Create my feed' }) })
  await feedForm.getByRole('button', { name: 'Create my feed' }).click()
  const feedUrl = await page.locator('#feed-url').inputValue()
  expect(feedUrl).toMatch(/\/notifications\/feed\/[A-Za-z0-9_-]{43}$/)

  // Dalia posts a task; Ivan applies to it.
  const title = `Profiles ${uniqueWord('inbox')}`
  const taskId = await taskCount()
  const uri = await storeDocument({ title, description: 'A task to apply to.', tags: [], links: [] })
  await sendTasks(dalia, 'createTask', [uri, inAMonth(), dalia.address, dalia.address, [], []], 1000n)
  const application = await storeDocument({ plan: 'I will do it this week.', background: '', teamSize: 1 })
  const { blockNumber } = await sendTasks(ivan, 'applyForTask', [BigInt(taskId), application, [], []])
  await waitForIndexer(baseURL!, blockNumber)

  // In the inbox, with the header's unread count, under the names every page uses.
  await page.goto('/inbox')
  const item = page.getByRole('list', { name: 'Inbox items, newest first' }).locator('li', { hasText: title })
  await expect(item).toContainText(`Ivan Petrov applied to “${title}”`)
  await expect(item.getByRole('link', { name: new RegExp(title) })).toHaveAttribute('href', `/tasks/31337/${taskId}`)
  // The link's name is its visible text plus "unread": "Inbox 3 unread".
  const inboxLink = page.getByRole('banner').getByRole('link', { name: /^Inbox \d+ unread$/ })
  const unreadBefore = Number(await inboxLink.locator('.inbox-count').innerText())
  await item.getByRole('button', { name: /^Mark as read/ }).click()
  await expect(page.getByRole('list', { name: 'Inbox items, newest first' }).locator('li', { hasText: title })).toHaveClass(/\bread\b/)
  await expect(page.getByRole('banner').getByRole('link', { name: unreadBefore - 1 > 0 ? `Inbox ${unreadBefore - 1} unread` : 'Inbox', exact: true })).toBeVisible()

  // The webhook listener got it, signed with Dalia's secret, as a Discord/Slack message.
  await expect.poll(() => hook.received.filter((delivery) => delivery.body.includes(title)).length, { timeout: 30_000 }).toBe(1)
  const delivery = hook.received.find((entry) => entry.body.includes(title))!
  expect(verifyWebhookSignature(secret, String(delivery.headers[TIMESTAMP_HEADER.toLowerCase()]), delivery.body, String(delivery.headers[SIGNATURE_HEADER.toLowerCase()]))).toBe(true)
  expect(delivery.json).toMatchObject({ content: expect.stringContaining(`Ivan Petrov applied to “${title}”`), notification: { kind: 'task-application', url: `${origin}/tasks/31337/${taskId}` } })

  // The feed has it, as Atom; a made-up feed URL says nothing.
  const feed = await page.request.get(new URL(feedUrl).pathname)
  expect(feed.headers()['content-type']).toContain('application/atom+xml')
  const xml = await feed.text()
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">')
  expect(xml).toContain(`<title>Ivan Petrov applied to “${title}”</title>`)
  expect(xml).toContain(`<category term="task-application"/>`)
  expect((await page.request.get(`/notifications/feed/${'A'.repeat(43)}`)).status()).toBe(404)

  // And the SMTP server got the digest.
  await expect.poll(() => smtp.mails.filter((mail) => mail.to.includes(email) && mail.text.includes(title)).length, { timeout: 30_000 }).toBe(1)
  expect(smtp.mails.find((mail) => mail.text.includes(title))!.text).toContain('Ivan Petrov applied to')
})
