import { describe, expect, it } from 'vitest'
import { createNotificationStore, MAX_NOTIFICATIONS, unreadCount } from './notifications.ts'

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  }
}

describe('notification store', () => {
  it('de-duplicates by id: a repeat replaces the item, keeps its first time and moves it to the top', () => {
    let t = 1000
    const s = createNotificationStore({ mode: 'mothership', now: () => t })
    s.notify({ id: 'a', level: 'info', title: 'A1' })
    t = 2000
    s.notify({ id: 'b', level: 'warn', title: 'B' })
    t = 3000
    s.notify({ id: 'a', level: 'error', title: 'A2' })
    expect(s.snapshot().map((n) => [n.id, n.title, n.level, n.createdAt, n.updatedAt])).toEqual([
      ['a', 'A2', 'error', 1000, 3000],
      ['b', 'B', 'warn', 2000, 2000],
    ])
  })

  it('counts unread items; reading keeps them; an unchanged repeat stays read, a changed one is news', () => {
    const s = createNotificationStore({ mode: 'mothership' })
    s.notify({ id: 'a', level: 'info', title: 'A' })
    s.notify({ id: 'b', level: 'info', title: 'B' })
    expect(unreadCount(s.snapshot())).toBe(2)
    s.markAllRead()
    expect(unreadCount(s.snapshot())).toBe(0)
    expect(s.snapshot()).toHaveLength(2)
    s.notify({ id: 'a', level: 'info', title: 'A' })
    expect(unreadCount(s.snapshot())).toBe(0)
    s.notify({ id: 'a', level: 'info', title: 'A, again but different' })
    expect(unreadCount(s.snapshot())).toBe(1)
  })

  it('dismisses one and clears all, notifying subscribers', () => {
    const s = createNotificationStore({ mode: 'mothership' })
    let calls = 0
    const off = s.subscribe(() => calls++)
    s.notify({ id: 'a', level: 'info', title: 'A' })
    s.notify({ id: 'b', level: 'info', title: 'B' })
    s.dismiss('a')
    expect(s.snapshot().map((n) => n.id)).toEqual(['b'])
    s.clear()
    expect(s.snapshot()).toEqual([])
    expect(calls).toBe(4)
    off()
    s.notify({ id: 'c', level: 'info', title: 'C' })
    expect(calls).toBe(4)
  })

  it('caps the list, dropping the oldest', () => {
    const s = createNotificationStore({ mode: 'mothership' })
    for (let i = 0; i < MAX_NOTIFICATIONS + 10; i++) s.notify({ id: `n${i}`, level: 'info', title: `N${i}` })
    expect(s.snapshot()).toHaveLength(MAX_NOTIFICATIONS)
    expect(s.snapshot()[0]!.id).toBe(`n${MAX_NOTIFICATIONS + 9}`)
  })

  it('survives a reload through storage, dropping corrupt and duplicate entries', () => {
    const storage = memoryStorage()
    const a = createNotificationStore({ mode: 'mothership', storage })
    a.notify({ id: 'x', level: 'error', title: 'Stored', body: 'body', href: '/deployments' })
    const b = createNotificationStore({ mode: 'mothership', storage })
    expect(b.snapshot().map((n) => [n.id, n.level, n.title, n.body, n.href])).toEqual([
      ['x', 'error', 'Stored', 'body', '/deployments'],
    ])
    const corrupt = memoryStorage({
      'cc-notifications': JSON.stringify([
        { id: 'ok', title: 'OK', level: 'nonsense', createdAt: 5 },
        { id: 'ok', title: 'dup', level: 'info', createdAt: 6 },
        { title: 'no id' },
        null,
        { id: 'evil', title: 'E', level: 'info', href: '//evil.com' },
      ]),
    })
    const c = createNotificationStore({ mode: 'mothership', storage: corrupt })
    expect(c.snapshot().map((n) => [n.id, n.level, n.href])).toEqual([
      ['ok', 'info', undefined],
      ['evil', 'info', undefined],
    ])
    expect(
      createNotificationStore({
        mode: 'mothership',
        storage: memoryStorage({ 'cc-notifications': '{' }),
      }).snapshot(),
    ).toEqual([])
  })

  it('drops notifications of mothership-only surfaces on a Sovereign (regressions 48–50)', () => {
    for (const surface of ['malformedDeploymentId', 'componentMonitoringUnavailable', 'handover'] as const) {
      const sov = createNotificationStore({ mode: 'sovereign' })
      sov.notify({ id: surface, level: 'warn', title: surface, surface })
      expect(sov.snapshot()).toEqual([])
      const moth = createNotificationStore({ mode: 'mothership' })
      moth.notify({ id: surface, level: 'warn', title: surface, surface })
      expect(moth.snapshot()).toHaveLength(1)
    }
    const sov = createNotificationStore({ mode: 'sovereign' })
    sov.notify({ id: 'strip', level: 'info', title: 'Both modes', surface: 'deploymentStrip' })
    expect(sov.snapshot()).toHaveLength(1)
  })

  it('keeps a storage failure from losing notifications in memory', () => {
    const s = createNotificationStore({
      mode: 'mothership',
      storage: {
        getItem: () => null,
        setItem: () => {
          throw new Error('QuotaExceededError')
        },
      },
    })
    s.notify({ id: 'a', level: 'info', title: 'A' })
    expect(s.snapshot()).toHaveLength(1)
  })

  it('keeps text inert: bidi overrides and control characters from API strings are dropped', () => {
    const s = createNotificationStore({ mode: 'mothership' })
    s.notify({
      id: 'x',
      level: 'error',
      title: '\u202Egnp.exe.omani.works: Failed',
      body: 'a\u2066b\u2069c\x1b]52;c;SEFDS0VE\x07d\u202Ae',
      hrefLabel: '\u202EOpen',
    })
    const [n] = s.snapshot()
    expect(n!.title).toBe('gnp.exe.omani.works: Failed')
    expect(n!.body).toBe('abc]52;c;SEFDS0VEde')
    expect(n!.hrefLabel).toBe('Open')
    // Tab and newline are text.
    s.notify({ id: 'y', level: 'info', title: 'A', body: 'line 1\nline 2\tend' })
    expect(s.snapshot()[0]!.body).toBe('line 1\nline 2\tend')
  })

  it('marks one notification read, keeps the deployment it is about, and persists both', () => {
    const storage = memoryStorage()
    const s = createNotificationStore({ mode: 'mothership', storage })
    s.notify({ id: 'a', level: 'error', title: 'A', deploymentId: 'd1', deploymentLabel: 'acme.omani.works' })
    s.notify({ id: 'b', level: 'info', title: 'B' })
    s.markRead('a')
    expect(unreadCount(s.snapshot())).toBe(1)
    expect(s.snapshot().find((n) => n.id === 'a')).toMatchObject({
      read: true,
      deploymentId: 'd1',
      deploymentLabel: 'acme.omani.works',
    })
    const reloaded = createNotificationStore({ mode: 'mothership', storage })
    expect(reloaded.snapshot().map((n) => [n.id, n.read, n.deploymentId])).toEqual([
      ['b', false, undefined],
      ['a', true, 'd1'],
    ])
  })
})
