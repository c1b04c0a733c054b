import styles from './FlowScreen.module.css'

const STATUSES = [
  { key: 'succeeded', label: 'Succeeded', glyph: '✓' },
  { key: 'running', label: 'Running', glyph: '◔' },
  { key: 'failed', label: 'Failed', glyph: '✗' },
  { key: 'pending', label: 'Pending', glyph: '○' },
] as const

function Swatch({ colour, glyph }: { colour: string; glyph: string }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="8" cy="8" r="7" style={{ fill: colour }} />
      <text x="8" y="11.5" textAnchor="middle" fontSize="9" style={{ fill: 'var(--bg)' }}>
        {glyph}
      </text>
    </svg>
  )
}

function Line({ colour, dashed }: { colour: string; dashed?: boolean }) {
  return (
    <svg width="28" height="10" viewBox="0 0 28 10" aria-hidden="true">
      <line
        x1="1"
        y1="5"
        x2="21"
        y2="5"
        style={{ stroke: colour }}
        strokeWidth="1.6"
        strokeDasharray={dashed ? '4 3' : undefined}
      />
      <path d="M27 5 L20 1.5 L20 8.5 Z" style={{ fill: colour }} />
    </svg>
  )
}

/** Statuses, node kinds and edge kinds, in the theme's colours (never colour alone: glyphs too). */
export function FlowLegend() {
  return (
    <section className={styles.legend} aria-label="Legend">
      <ul className={styles.legendList}>
        {STATUSES.map((s) => (
          <li key={s.key} className={styles.legendItem}>
            <Swatch colour={`var(--status-${s.key})`} glyph={s.glyph} />
            {s.label}
          </li>
        ))}
      </ul>
      <ul className={styles.legendList}>
        <li className={styles.legendItem}>
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <circle
              cx="8"
              cy="8"
              r="6.5"
              style={{ fill: 'var(--surface)', stroke: 'var(--status-running)' }}
              strokeWidth="2.5"
            />
          </svg>
          Folded group (ring: its jobs by status)
        </li>
      </ul>
      <ul className={styles.legendList}>
        <li className={styles.legendItem}>
          <Line colour="var(--text-faint)" />
          Depends on (runs after)
        </li>
        <li className={styles.legendItem}>
          <Line colour="var(--text-faint)" dashed />
          Through a folded group
        </li>
        <li className={styles.legendItem}>
          <Line colour="var(--danger)" dashed />
          Crosses regions (invalid)
        </li>
        <li className={styles.legendItem}>
          <Line colour="var(--focus)" />
          Of the selection
        </li>
      </ul>
    </section>
  )
}
