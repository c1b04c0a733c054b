/**
 * The simulator's virtual clock: `now()` runs at `speed` × real time from a base instant, or stands still
 * when paused. Tests pause it and advance explicitly; dev runs it fast so a whole provisioning run plays
 * out in a few minutes.
 */
export class VirtualClock {
  private base: number
  private realBase: number
  speed: number
  paused: boolean

  constructor(
    opts: { start?: number; speed?: number; paused?: boolean } = {},
    private readonly realNow: () => number = Date.now,
  ) {
    this.realBase = realNow()
    this.base = opts.start ?? this.realBase
    this.speed = opts.speed ?? 1
    this.paused = opts.paused ?? false
  }

  now(): number {
    return this.paused ? this.base : this.base + (this.realNow() - this.realBase) * this.speed
  }

  /** Re-anchors at the current instant so a speed or pause change never makes time jump. */
  set(opts: {
    speed?: number | undefined
    paused?: boolean | undefined
    advanceMs?: number | undefined
  }): void {
    this.base = this.now()
    this.realBase = this.realNow()
    if (opts.speed !== undefined) this.speed = opts.speed
    if (opts.paused !== undefined) this.paused = opts.paused
    if (opts.advanceMs) this.base += opts.advanceMs
  }

  snapshot(): { now: number; speed: number; paused: boolean } {
    return { now: Math.floor(this.now()), speed: this.speed, paused: this.paused }
  }
}
