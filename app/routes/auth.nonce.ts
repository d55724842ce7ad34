import type { ActionFunctionArgs } from '@remix-run/node'
import { issueSignInNonce, postOnly } from '~/session/sign-in.server'

export const loader = () => postOnly()
export const action = ({ request, context }: ActionFunctionArgs) => issueSignInNonce(request, context.clientKey)
