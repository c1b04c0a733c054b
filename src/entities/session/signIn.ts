import { PinIssueResponse, PinVerifyResponse } from '../../contracts/auth.ts'
import { apiFetch } from '../../lib/http.ts'

export function issuePin(email: string) {
  return apiFetch('/v1/auth/pin/issue', PinIssueResponse, { method: 'POST', body: { email }, on401: 'throw' })
}

export function verifyPin(email: string, pin: string, requestId: string) {
  return apiFetch('/v1/auth/pin/verify', PinVerifyResponse, {
    method: 'POST',
    body: { email, pin, requestId },
    on401: 'throw',
  })
}
