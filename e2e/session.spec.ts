import type { Page } from '@playwright/test'
import {
  connectWallet,
  devnetAccounts,
  E2E_BASE_URL,
  E2E_RPC_URL,
  expect,
  expectSignedIn,
  expectSignedOut,
  openConnectMenu,
  resolveAccount,
  sessionControls,
  shortAddress,
  test,
} from './fixtures'

// One wallet session across the portal: connect, Sign-In with Ethereum, and what happens on
// reload, on an account switch, on a wrong network and on sign-out.

/** Fails the test on any uncaught error or React hydration warning in the page. */
function watchForPageErrors(page: Page) {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(`console: ${message.text()}`)
  })
  return problems
}

test('the dev wallet: connect, sign in, reload, switch account, sign in again, sign out', async ({ page }) => {
  const problems = watchForPageErrors(page)
  const bruno = resolveAccount('Bruno Costa')
  const chen = resolveAccount('Chen Wei')
  const controls = sessionControls(page)

  await page.goto('/')
  await expectSignedOut(page)
  const menu = await openConnectMenu(page)
  await menu.getByLabel('Dev account (devnet only)').selectOption({ label: `Bruno Costa (${shortAddress(bruno.address)})` })
  await menu.getByRole('button', { name: 'Connect dev wallet' }).click()
  await expect(controls.getByText('Not signed in')).toBeVisible()
  await expect(controls.getByText(shortAddress(bruno.address), { exact: true })).toBeVisible()

  await controls.getByRole('button', { name: 'Sign in' }).click()
  await expectSignedIn(page, bruno)

  // The session is the server's: the reloaded HTML is already signed in, before any script runs.
  const html = await (await page.request.get('/')).text()
  expect(html).toContain('Signed in')
  await page.reload()
  await expectSignedIn(page, bruno)
  await expect(controls.getByLabel('Dev account')).toHaveValue(bruno.address)

  // Switching the wallet's account ends the server session and asks to sign in again.
  await controls.getByLabel('Dev account').selectOption(chen.address)
  await expect(controls.getByRole('status')).toHaveText(
    'Your wallet switched accounts, so you were signed out. Sign in again as the new account.',
  )
  await expect(controls.getByText('Not signed in')).toBeVisible()
  await expect(controls.getByText(shortAddress(chen.address), { exact: true })).toBeVisible()
  expect(await (await page.request.get('/')).text()).not.toContain('Signed in')

  await controls.getByRole('button', { name: 'Sign in' }).click()
  await expectSignedIn(page, chen)

  await controls.getByRole('button', { name: 'Sign out' }).click()
  await expectSignedOut(page)
  await expect(controls.getByRole('button', { name: 'Sign in' })).toBeVisible()
  await page.reload()
  await expectSignedOut(page)
  expect(problems).toEqual([])
})

test('an EIP-6963 wallet is listed by name and icon, signs in, and is warned off the wrong network', async ({ page, wallet }) => {
  const problems = watchForPageErrors(page)
  const dalia = wallet.use('Dalia Haddad')
  const controls = sessionControls(page)
  await page.goto('/')
  const menu = await openConnectMenu(page)
  const entry = menu.getByRole('button', { name: 'Test Wallet', exact: true })
  await expect(entry.locator('img')).toHaveAttribute('src', /^data:image\/svg\+xml,/)
  await entry.click()
  await controls.getByRole('button', { name: 'Sign in' }).click()
  await expectSignedIn(page, dalia)
  const signed = wallet.requests.find((r) => r.method === 'personal_sign')
  expect(Buffer.from(String((signed?.params as string[])[0]).slice(2), 'hex').toString()).toMatch(
    new RegExp(`^${E2E_BASE_URL} wants you to sign in with your Ethereum account:\\n${dalia.address}\\n`),
  )

  await wallet.switchChain(1)
  const banner = page.getByRole('alert').filter({ hasText: 'Your wallet is on chain 1' })
  await expect(banner).toContainText('the portal runs on Openmesh devnet (chain 31337)')
  await banner.getByRole('button', { name: 'Switch to Openmesh devnet' }).click()
  await expect(banner).toHaveCount(0)
  expect(wallet.chainId).toBe(31337)

  // Switching accounts in the wallet itself signs out as well.
  const emeka = await wallet.switchAccount('Emeka Nwosu')
  await expect(controls.getByText('Not signed in')).toBeVisible()
  await expect(controls.getByText(shortAddress(emeka.address), { exact: true })).toBeVisible()
  expect(problems).toEqual([])
})

test('a declined signature is reported, not an error page', async ({ page, wallet }) => {
  wallet.use('Freya')
  await page.goto('/')
  await connectWallet(page)
  wallet.rejectNext('personal_sign')
  await sessionControls(page).getByRole('button', { name: 'Sign in' }).click()
  await expect(sessionControls(page).getByRole('alert')).toHaveText('You declined the signature request in your wallet.')
  await expectSignedOut(page)
})

test('signInAs signs a page in with Test Wallet connected as the same account', async ({ page, signInAs, wallet }) => {
  const gabriel = await signInAs('Gabriel Ortiz', { path: '/courses' })
  await expect(page).toHaveURL(/\/courses$/)
  await expectSignedIn(page, gabriel)
  expect(wallet.connected).toBe(true)
  expect(wallet.account.address).toBe(gabriel.address)
  // Navigating keeps the one session.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click()
  await expectSignedIn(page, gabriel)
})

test('/sign-in brings the visitor back where they were going', async ({ page, wallet }) => {
  const hana = wallet.use(devnetAccounts[7]!)
  await page.goto('/sign-in?redirectTo=%2Fcourses')
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()
  const panel = page.getByRole('main').getByRole('region', { name: 'Sign in' })
  await panel.getByRole('button', { name: 'Choose a wallet' }).click()
  await panel.getByRole('button', { name: 'Test Wallet', exact: true }).click()
  await panel.getByRole('button', { name: 'Sign in with Ethereum' }).click()
  await expect(page).toHaveURL(/\/courses$/)
  await expectSignedIn(page, hana)
  // Signed in, /sign-in itself just forwards; an off-site redirectTo is ignored.
  await page.goto('/sign-in?redirectTo=https%3A%2F%2Fevil.example%2F')
  await expect(page).toHaveURL(`${E2E_BASE_URL}/`)
})

test('session endpoints refuse cross-origin posts and GETs', async ({ request }) => {
  const crossOrigin = await request.post('/auth/nonce', { headers: { Origin: 'https://evil.example' }, data: {} })
  expect(crossOrigin.status()).toBe(403)
  const get = await request.get('/auth/logout')
  expect(get.status()).toBe(405)
})

test('Test Wallet sends transactions through anvil, signed with the account it shows', async ({ page, signInAs }) => {
  const ivan = await signInAs('Ivan Petrov')
  const jamila = resolveAccount('Jamila')
  const hash = await page.evaluate(
    ([from, to]) =>
      (window as unknown as { __testWallet: { request(a: unknown): Promise<string> } }).__testWallet.request({
        method: 'eth_sendTransaction',
        params: [{ from, to, value: '0x2386f26fc10000' }],
      }),
    [ivan.address, jamila.address] as const,
  )
  const rpc = async (method: string, params: unknown[]) =>
    ((await (await fetch(E2E_RPC_URL, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) })).json()) as { result: Record<string, string> | null }).result
  await expect.poll(() => rpc('eth_getTransactionReceipt', [hash]).then((r) => r?.status)).toBe('0x1')
  expect((await rpc('eth_getTransactionByHash', [hash]))?.from).toBe(ivan.address.toLowerCase())
})
