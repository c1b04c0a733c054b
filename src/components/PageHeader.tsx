import type { ReactNode } from 'react'
import styles from './PageHeader.module.css'

/**
 * The page's one `<h1>` (focused by the shell after each navigation, hence tabIndex -1), an optional
 * description and right-aligned actions.
 */
export function PageHeader({
  title,
  description,
  actions,
  children,
}: {
  title: ReactNode
  description?: ReactNode
  actions?: ReactNode
  children?: ReactNode
}) {
  return (
    <header className={styles.header}>
      <div className={styles.text}>
        <h1 tabIndex={-1} data-page-heading="">
          {title}
        </h1>
        {description ? <p className={styles.description}>{description}</p> : null}
        {children}
      </div>
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </header>
  )
}
