import { useSession } from './auth/SessionContext';
import { Redirect, usePathname, Link } from './router';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';
import { TasksPage } from './pages/TasksPage';
import { AccountPage } from './pages/AccountPage';
import { useDocumentTitle } from './lib/useDocumentTitle';

export function App() {
  const path = usePathname().replace(/\/+$/, '') || '/';
  const { session } = useSession();

  switch (path) {
    case '/':
      return session ? <TasksPage /> : <Redirect to="/signin" />;
    case '/account':
      return session ? <AccountPage /> : <Redirect to="/signin" />;
    case '/signin':
      return session ? <Redirect to="/" /> : <SignInPage />;
    case '/signup':
      return session ? <Redirect to="/" /> : <SignUpPage />;
    default:
      return <NotFound />;
  }
}

function NotFound() {
  useDocumentTitle('Not found');
  return (
    <main style={{ maxWidth: 480, margin: '12vh auto', padding: 16, textAlign: 'center' }}>
      <h1 style={{ fontSize: 24, marginBottom: 8 }}>Page not found</h1>
      <p>
        <Link to="/">Go to your tasks</Link>
      </p>
    </main>
  );
}
