import { Link } from '../router';
import type { ViewCounts } from '../lib/useViewCounts';
import { VIEWS, type View } from '../lib/views';
import styles from './ViewNav.module.css';

interface ViewNavProps {
  current: View;
  counts: ViewCounts;
}

/** The task views as links, each with its number of open tasks; the current one marked. */
export function ViewNav({ current, counts }: ViewNavProps) {
  return (
    <nav className={styles.nav} aria-label="Views">
      <ul className={styles.list}>
        {VIEWS.map(({ view, path, label }) => {
          const count = counts[view];
          return (
            <li key={view}>
              <Link to={path} className={styles.link} aria-current={view === current ? 'page' : undefined}>
                <span>{label}</span>{' '}
                {count !== undefined && (
                  <span className={styles.count}>
                    {count} <span className="sr-only">open</span>
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
