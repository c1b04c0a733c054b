/**
 * "Already prompted" for the handover, per deployment and per tab: the 5 s redirect with "Stay" is offered
 * once per deployment wherever the operator watches it (overview, Apps, Jobs — regression 51), not again on
 * every page they open afterwards. Kept in sessionStorage, so a reload within the tab remembers it and a
 * new tab asks again. Holds deployment ids only (never the handover link: it carries a token).
 */
const KEY = 'cc-handover-prompted'
const MAX_IDS = 200

interface KeyValueStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

export function createHandoverPromptMemory(storage: KeyValueStorage | undefined) {
  // In memory too: storage may be unavailable (private mode) or full.
  let ids: string[] = read()

  function read(): string[] {
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]')
      return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : []
    } catch {
      return []
    }
  }

  return {
    wasPrompted(deploymentId: string): boolean {
      ids = [...new Set([...ids, ...read()])]
      return ids.includes(deploymentId)
    },
    markPrompted(deploymentId: string): void {
      ids = [deploymentId, ...ids.filter((i) => i !== deploymentId)].slice(0, MAX_IDS)
      try {
        storage?.setItem(KEY, JSON.stringify(ids))
      } catch {
        // keep it in memory
      }
    },
  }
}

function sessionStore(): KeyValueStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.sessionStorage
  } catch {
    return undefined
  }
}

const memory = createHandoverPromptMemory(sessionStore())
export const wasHandoverPrompted = memory.wasPrompted
export const markHandoverPrompted = memory.markPrompted
