import { useSession } from './auth/SessionContext';
import { Redirect, usePathname } from './router';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';
import { TasksPage } from './pages/TasksPage';
import { AccountPage } from './pages/AccountPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { viewAt } from './lib/views';

export function App() {
  const path = usePathname().replace(/\/+$/, '') || '/';
  const { session } = useSession();
  const view = viewAt(path);

  if (view) return session ? <TasksPage view={view} /> : <Redirect to="/signin" />;
  switch (path) {
    case '/account':
      return session ? <AccountPage /> : <Redirect to="/signin" />;
    case '/signin':
      return session ? <Redirect to="/" /> : <SignInPage />;
    case '/signup':
      return session ? <Redirect to="/" /> : <SignUpPage />;
    default:
      return <NotFoundPage path={path} signedIn={!!session} />;
  }
}
