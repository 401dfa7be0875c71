import { Logo } from '../components/Logo';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { Link } from '../router';
import styles from './NotFoundPage.module.css';

/** What a mistyped or stale address shows: where the user is, and the way back. */
export function NotFoundPage({ path, signedIn }: { path: string; signedIn: boolean }) {
  useDocumentTitle('Page not found');
  return (
    <main id="main" className={styles.page}>
      <Logo size={40} />
      <p className={styles.code} aria-hidden="true">
        404
      </p>
      <h1 className={styles.title}>Page not found</h1>
      <p className={styles.text}>
        There is no page at <code className={styles.path}>{path}</code>. The link may be mistyped, or the page has
        moved.
      </p>
      <nav aria-label="Ways back" className={styles.links}>
        {signedIn ? (
          <>
            <Link to="/" className="btn btn-primary">
              Go to your tasks
            </Link>
            <Link to="/today" className="btn">
              Today
            </Link>
            <Link to="/upcoming" className="btn">
              Upcoming
            </Link>
          </>
        ) : (
          <>
            <Link to="/signin" className="btn btn-primary">
              Sign in
            </Link>
            <Link to="/signup" className="btn">
              Create an account
            </Link>
          </>
        )}
      </nav>
    </main>
  );
}
