/**
 * Request faults armed through the control API (`POST /api/__mock/faults`, reset by `POST /api/__mock/reset`):
 * an answer lost after the handler ran — the mutation happened, the client never learns it — and a request
 * that is never answered. Both are what an operator's browser sees when a proxy or the network fails at the
 * worst moment; the console's exactly-once launch and its wipe timeout are tested with them.
 */
import type { ServerResponse } from 'node:http'
import type { MockRequestMatch } from '../src/contracts/mockControl.ts'

export type RequestFault = 'drop' | 'hang'

export class RequestFaults {
  private drops: MockRequestMatch[] = []
  private hangs: MockRequestMatch[] = []
  /** Requests held open by `hang`, closed by `clear()` so a reset leaves no connection behind. */
  private readonly held = new Set<ServerResponse>()

  set(opts: { dropResponseAfterMutation?: MockRequestMatch[]; hang?: MockRequestMatch[] }): void {
    if (opts.dropResponseAfterMutation) this.drops = [...opts.dropResponseAfterMutation]
    if (opts.hang) this.hangs = [...opts.hang]
  }

  snapshot(): { dropResponseAfterMutation: MockRequestMatch[]; hang: MockRequestMatch[] } {
    return { dropResponseAfterMutation: [...this.drops], hang: [...this.hangs] }
  }

  /** The fault for a request, by method and the path catalyst-api sees (`/api/v1/…`, no query). */
  match(method: string, apiPath: string): RequestFault | undefined {
    const hit = (m: MockRequestMatch) => m.method === method.toUpperCase() && m.path === apiPath
    if (this.hangs.some(hit)) return 'hang'
    if (this.drops.some(hit)) return 'drop'
    return undefined
  }

  /** `hang`: nothing is answered; the response stays open until the client gives up or `clear()`. */
  hold(res: ServerResponse): void {
    this.held.add(res)
    res.on('close', () => this.held.delete(res))
  }

  /**
   * `dropResponseAfterMutation`: the handler runs as usual; when it answers, only the status line and
   * headers go out, then the connection is cut. Cutting it before any byte would not do: Chromium treats
   * a reused keep-alive connection that closes before a response as stale and silently re-sends the
   * request, so the client would see an ordinary answer from a second mutation.
   */
  loseAnswer(res: ServerResponse): void {
    const cut = (() => {
      // Always: `headersSent` is already true once `writeHead` stored the headers, before any byte went out.
      res.flushHeaders()
      const socket = res.socket
      // `end` flushes the header bytes already written, then closes; the body never follows.
      socket?.end(() => socket.destroy())
      return res
    }) as ServerResponse['end']
    res.end = cut
    res.write = (() => true) as ServerResponse['write']
  }

  /** Disarms both faults and closes every held request. */
  clear(): void {
    this.drops = []
    this.hangs = []
    for (const res of this.held) res.destroy()
    this.held.clear()
  }
}
