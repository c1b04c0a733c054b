/**
 * A scriptable EventSource for unit tests: tests open, emit named frames, error and close connections, and
 * inspect every instance created. Installed with `FakeEventSource.install()`.
 */
export class FakeEventSource {
  static instances: FakeEventSource[] = []
  readyState = 0
  onopen: (() => void) | null = null
  onerror: (() => void) | null = null
  private listeners = new Map<string, ((e: { data: string }) => void)[]>()

  constructor(
    readonly url: string,
    readonly init?: EventSourceInit,
  ) {
    FakeEventSource.instances.push(this)
  }

  static install(): void {
    FakeEventSource.instances = []
    ;(globalThis as unknown as { EventSource: unknown }).EventSource = FakeEventSource
  }

  static latest(): FakeEventSource {
    const last = FakeEventSource.instances[FakeEventSource.instances.length - 1]
    if (!last) throw new Error('no EventSource was opened')
    return last
  }

  addEventListener(name: string, fn: (e: { data: string }) => void): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn])
  }

  open(): void {
    this.readyState = 1
    this.onopen?.()
  }

  emit(name: string, data: unknown): void {
    const raw = typeof data === 'string' ? data : JSON.stringify(data)
    for (const fn of this.listeners.get(name) ?? []) fn({ data: raw })
  }

  fail(): void {
    this.readyState = 2
    this.onerror?.()
  }

  close(): void {
    this.readyState = 2
  }
}
