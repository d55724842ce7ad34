import type { ActionFunctionArgs } from '@remix-run/node'
import { postOnly, signOut } from '~/session/sign-in.server'

export const loader = () => postOnly()
export const action = ({ request }: ActionFunctionArgs) => signOut(request)
