/**
 * Minting a handover link on the operator's explicit action (the overview's "Open your Sovereign console",
 * its 5 s redirect, Settings' re-mint). The record never keeps one (`withoutHandoverToken`); the minted
 * link lives only in the caller's hands, and is handed back only when it is the deployment's own console
 * (`checkHandoverLink`).
 */
import { checkHandoverLink, type HandoverLinkCheck } from '../../lib/checkHandoverLink.ts'
import { errorMessage, isApiError } from '../../lib/http.ts'
import { mintHandoverToken } from './deploymentActions.ts'

/** A fresh link for `deploymentId` checked against its `fqdn`; throws the API's refusal (see `mintErrorText`). */
export async function mintHandoverLink(
  deploymentId: string,
  fqdn: string,
  consoleOrigin: string = window.location.origin,
): Promise<HandoverLinkCheck> {
  const { redirectURL } = await mintHandoverToken(deploymentId)
  return checkHandoverLink(redirectURL, fqdn, consoleOrigin)
}

/** `POST /mint-handover-token` refusals in words (a raw code is never shown). */
export function mintErrorText(e: unknown): string {
  if (isApiError(e)) {
    if (e.status === 409 && e.code === 'not-handover-ready')
      return 'No handover link can be minted yet: the deployment must be ready first.'
    if (e.status === 409 && e.code === 'already-adopted')
      return 'No new handover link: the customer has already taken this Sovereign over, and a handover link works only until then.'
    if (e.status === 409)
      return 'No new handover link: catalyst-api refused to mint one for this deployment in its current state.'
    if (e.status === 503)
      return 'catalyst-api has no handover signing key configured, so it cannot mint a link.'
  }
  return `The handover link could not be minted: ${errorMessage(e)}`
}
