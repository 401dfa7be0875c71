import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SESSION_KEY } from '../auth/session';
import { jsonResponse, mockFetch, problem } from '../test/http';
import { renderApp } from '../test/renderApp';

afterEach(() => vi.unstubAllGlobals());

const auth = { userId: 42, token: 'new-token', expiresAt: '2099-01-01T00:00:00Z' };
const me = { userId: 42, email: 'ada@example.com', name: 'Ada', timeZone: 'Europe/Berlin', createdAt: '2026-01-01T00:00:00Z' };

function backend(extra: Parameters<typeof mockFetch>[0] = []) {
  return mockFetch([
    ...extra,
    ['GET', '/api/auth/me', () => jsonResponse(me)],
    ['GET', '/api/42/tasks', () => jsonResponse([], 200, { 'X-Total-Count': '0' })],
    ['GET', '/api/42/tags', () => jsonResponse([])],
  ]);
}

describe('Sign in', () => {
  it('validates the fields before calling the server', async () => {
    const user = userEvent.setup();
    const { fetch, calls } = backend();
    renderApp('/signin', fetch);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const email = screen.getByLabelText('Email');
    const password = screen.getByLabelText('Password');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter your email address.');
    expect(password).toHaveAccessibleDescription('Enter your password.');
    expect(email).toHaveFocus();

    await user.type(email, 'not-an-email');
    expect(email).toHaveAccessibleDescription('Enter a valid email address, like name@example.com.');
    await user.clear(email);
    await user.type(email, 'ada@example.com');
    expect(email).not.toHaveAttribute('aria-invalid');
    expect(calls.filter((c) => c.path.startsWith('/api/auth/login'))).toHaveLength(0);
  });

  it('shows a message on bad credentials', async () => {
    const user = userEvent.setup();
    const { fetch } = backend([['POST', '/api/auth/login', () => problem(401, 'Bad credentials')]]);
    renderApp('/signin', fetch);
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is incorrect.');
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
  });

  it('signs in, stores the session and goes to the task page', async () => {
    const user = userEvent.setup();
    const { fetch, calls } = backend([['POST', '/api/auth/login', () => jsonResponse(auth)]]);
    renderApp('/signin', fetch);
    await user.type(screen.getByLabelText('Email'), ' ada@example.com ');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    expect(calls.find((c) => c.path === '/api/auth/login')?.body).toEqual({
      email: 'ada@example.com',
      password: 'correct horse',
    });
    expect(JSON.parse(localStorage.getItem(SESSION_KEY)!)).toEqual({
      token: 'new-token',
      userId: '42',
      expiresAt: '2099-01-01T00:00:00Z',
    });
    expect(await screen.findByText('Ada')).toBeInTheDocument();
    const tasksCall = calls.find((c) => c.path === '/api/42/tasks');
    expect(tasksCall?.headers.authorization).toBe('Bearer new-token');
  });

  it('toggles password visibility', async () => {
    const user = userEvent.setup();
    renderApp('/signin', backend().fetch);
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('type', 'password');
    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(password).toHaveAttribute('type', 'text');
  });
});

describe('Sign up', () => {
  it('requires a name, a valid email and 8+ character password, and shows the detected zone', async () => {
    const user = userEvent.setup();
    const { fetch, calls } = backend();
    renderApp('/signup', fetch);
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(screen.getByLabelText('Time zone')).toHaveValue(zone);
    expect(screen.getByText(/Detected from your browser/)).toHaveTextContent(zone);

    await user.type(screen.getByLabelText('Email'), 'ada@example');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Enter your name.');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
      'Enter a valid email address, like name@example.com.',
    );
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('At least 8 characters. Use at least 8 characters.');
    expect(screen.getByLabelText('Name')).toHaveFocus();
    expect(calls.filter((c) => c.path === '/api/auth/signup')).toHaveLength(0);
  });

  it('sends the detected time zone and handles a duplicate email (409)', async () => {
    const user = userEvent.setup();
    const { fetch, calls } = backend([
      ['POST', '/api/auth/signup', () => problem(409, 'Email is already registered')],
    ]);
    renderApp('/signup', fetch);
    await user.type(screen.getByLabelText('Name'), 'Ada');
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'long enough');
    await user.selectOptions(screen.getByLabelText('Time zone'), 'Asia/Tokyo');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/already exists/);
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Email is already registered');
    expect(calls.find((c) => c.path === '/api/auth/signup')?.body).toEqual({
      name: 'Ada',
      email: 'ada@example.com',
      password: 'long enough',
      timeZone: 'Asia/Tokyo',
    });
  });

  it('shows per-field messages from a problem response', async () => {
    const user = userEvent.setup();
    const { fetch } = backend([
      [
        'POST',
        '/api/auth/signup',
        () => problem(400, 'Validation failed', { errors: [{ field: 'password', message: 'is too common' }] }),
      ],
    ]);
    renderApp('/signup', fetch);
    await user.type(screen.getByLabelText('Name'), 'Ada');
    await user.type(screen.getByLabelText('Email'), 'ada@example.com');
    await user.type(screen.getByLabelText('Password'), 'password');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Password is too common.');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('At least 8 characters. Password is too common.');
  });
});
