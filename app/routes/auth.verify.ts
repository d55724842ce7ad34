import type { ActionFunctionArgs } from '@remix-run/node'
import { postOnly, verifySignIn } from '~/session/sign-in.server'

export const loader = () => postOnly()
export const action = ({ request }: ActionFunctionArgs) => verifySignIn(request)
