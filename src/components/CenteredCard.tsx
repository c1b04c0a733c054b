import type { ReactNode } from 'react'
import styles from './CenteredCard.module.css'

/** A full-page centred card (sign-in, not-found, handover error): the page's own landmark and heading. */
export function CenteredCard({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className={styles.page}>
      <main className={styles.card} aria-labelledby="centered-card-title">
        <h1 id="centered-card-title" tabIndex={-1} data-page-heading="">
          {title}
        </h1>
        {children}
      </main>
    </div>
  )
}

export const cardStyles = styles
