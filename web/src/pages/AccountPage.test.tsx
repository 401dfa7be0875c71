import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SESSION_KEY } from '../auth/session';
import { jsonResponse, mockFetch, problem } from '../test/http';
import { TEST_SESSION, renderApp } from '../test/renderApp';

afterEach(() => vi.unstubAllGlobals());

const me = { userId: 'u1', email: 'ada@example.com', name: 'Ada', timeZone: 'UTC', createdAt: '2026-01-01T00:00:00Z' };

function backend(extra: Parameters<typeof mockFetch>[0] = []) {
  return mockFetch([
    ...extra,
    ['GET', '/api/auth/me', () => jsonResponse(me)],
    ['GET', '/api/u1/tasks', () => jsonResponse([], 200, { 'X-Total-Count': '0' })],
    ['GET', '/api/u1/tags', () => jsonResponse([])],
  ]);
}

function stored() {
  const raw = localStorage.getItem(SESSION_KEY);
  return raw ? JSON.parse(raw) : null;
}

describe('Account page', () => {
  it('signs out on the server, then here', async () => {
    const user = userEvent.setup();
    const { fetch, calls } = backend([['POST', '/api/auth/logout', () => new Response(null, { status: 204 })]]);
    renderApp('/account', fetch, TEST_SESSION);

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    const logout = calls.find((c) => c.path === '/api/auth/logout');
    expect(logout?.method).toBe('POST');
    expect(logout?.headers.authorization).toBe('Bearer tok-1');
    expect(stored()).toBeNull();
  });

  it('signs out here even when the server cannot be reached', async () => {
    const user = userEvent.setup();
    const { fetch } = backend([['POST', '/api/auth/logout', () => problem(503, 'Unavailable')]]);
    renderApp('/account', fetch, TEST_SESSION);

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(stored()).toBeNull();
  });

  it('offers renamed time zones by their current names and saves the one chosen', async () => {
    const user = userEvent.setup();
    const legacy = { ...me, timeZone: 'Asia/Calcutta' };
    const { fetch, calls } = mockFetch([
      ['PATCH', '/api/auth/me', (c) => jsonResponse({ ...legacy, ...(c.body as object) })],
      ['GET', '/api/auth/me', () => jsonResponse(legacy)],
      ['GET', '/api/u1/tasks', () => jsonResponse([], 200, { 'X-Total-Count': '0' })],
      ['GET', '/api/u1/tags', () => jsonResponse([])],
    ]);
    renderApp('/account', fetch, TEST_SESSION);

    const zone = await screen.findByRole('combobox', { name: 'Time zone' });
    await waitFor(() => expect(zone).toHaveValue('Asia/Kolkata'));
    const offered = within(zone).getAllByRole('option').map((o) => (o as HTMLOptionElement).value);
    expect(offered).toContain('Europe/Kyiv');
    expect(offered).not.toContain('Asia/Calcutta');
    expect(offered).not.toContain('Europe/Kiev');

    await user.selectOptions(zone, 'Europe/Kyiv');
    await user.click(screen.getByRole('button', { name: 'Save time zone' }));

    expect(await screen.findByText('Time zone saved.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ timeZone: 'Europe/Kyiv' });
  });

  it('changes the password and goes on with the fresh token', async () => {
    const user = userEvent.setup();
    const changed = {
      userId: 'u1',
      token: 'tok-2',
      expiresAt: '2099-01-01T00:00:00Z',
      apiTokens: [{ id: 1, name: 'script', createdAt: '2026-01-01T00:00:00Z', lastUsedAt: null, expiresAt: null }],
    };
    const { fetch, calls } = backend([['POST', '/api/auth/password', () => jsonResponse(changed)]]);
    renderApp('/account', fetch, TEST_SESSION);

    await user.type(await screen.findByLabelText('Current password'), 'old-password');
    await user.type(screen.getByLabelText('New password'), 'a-new-password');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    const done = await screen.findByText(/Your other sessions are signed out/);
    expect(done).toHaveAttribute('role', 'status');
    expect(done).toHaveTextContent('Your 1 API token still work');
    expect(calls.find((c) => c.path === '/api/auth/password')?.body).toEqual({
      currentPassword: 'old-password',
      newPassword: 'a-new-password',
    });
    expect(stored().token).toBe('tok-2');
  });

  it('shows each password box on request, one at a time, so a typed password can be checked', async () => {
    const user = userEvent.setup();
    renderApp('/account', backend().fetch, TEST_SESSION);
    const current = await screen.findByLabelText('Current password');
    const next = screen.getByLabelText('New password');
    const toDelete = screen.getByLabelText('Password to delete the account');
    const reveals = screen.getAllByRole('button', { name: 'Show password' });
    expect(reveals).toHaveLength(3);

    await user.click(reveals[1]);
    expect(next).toHaveAttribute('type', 'text');
    expect(current).toHaveAttribute('type', 'password');
    expect(toDelete).toHaveAttribute('type', 'password');
    expect(reveals[1]).toHaveAccessibleName('Hide password');
    expect(next).toHaveAttribute('autocomplete', 'new-password');
    expect(current).toHaveAttribute('autocomplete', 'current-password');
  });

  it('checks the new password before calling the server, and shows a wrong current password', async () => {
    const user = userEvent.setup();
    const { fetch, calls } = backend([['POST', '/api/auth/password', () => problem(403, 'The current password is wrong')]]);
    renderApp('/account', fetch, TEST_SESSION);

    await user.type(await screen.findByLabelText('Current password'), 'old-password');
    await user.type(screen.getByLabelText('New password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(/Use at least 8 characters/);
    expect(calls.filter((c) => c.path === '/api/auth/password')).toHaveLength(0);

    await user.clear(screen.getByLabelText('New password'));
    await user.type(screen.getByLabelText('New password'), 'long-enough');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    await waitFor(() =>
      expect(screen.getByLabelText('Current password')).toHaveAccessibleDescription('The current password is wrong.'),
    );
    expect(stored().token).toBe('tok-1');
  });

  it('downloads the export as a JSON file', async () => {
    const user = userEvent.setup();
    const createObjectURL = vi.fn(() => 'blob:export');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { fetch, calls } = backend([['GET', '/api/u1/export', () => jsonResponse({ profile: me, tasks: [] })]]);
    renderApp('/account', fetch, TEST_SESSION);

    await user.click(await screen.findByRole('button', { name: 'Download my data' }));

    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(calls.some((c) => c.path === '/api/u1/export')).toBe(true);
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toMatch(/^taskstream-export-\d{4}-\d{2}-\d{2}\.json$/);
    expect(createObjectURL).toHaveBeenCalled();
    click.mockRestore();
  });

  it('deletes the account only after asking for the password and a confirmation', async () => {
    const user = userEvent.setup();
    const { fetch, calls } = backend([['DELETE', '/api/auth/me', () => new Response(null, { status: 204 })]]);
    renderApp('/account', fetch, TEST_SESSION);

    await user.click(await screen.findByRole('button', { name: 'Delete account' }));
    expect(screen.getByLabelText('Password to delete the account')).toHaveAccessibleDescription('Enter your password.');
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.type(screen.getByLabelText('Password to delete the account'), 'my-password');
    await user.click(screen.getByRole('button', { name: 'Delete account' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete your account?' });
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Delete forever' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByText('Your account and all its data were deleted.')).toHaveAttribute('role', 'status');
    expect(calls.find((c) => c.method === 'DELETE')?.body).toEqual({ password: 'my-password' });
    expect(stored()).toBeNull();
  });

  it('keeps the account when the password is wrong', async () => {
    const user = userEvent.setup();
    const { fetch } = backend([['DELETE', '/api/auth/me', () => problem(403, 'The current password is wrong')]]);
    renderApp('/account', fetch, TEST_SESSION);

    await user.type(await screen.findByLabelText('Password to delete the account'), 'not-it');
    await user.click(screen.getByRole('button', { name: 'Delete account' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete forever' }));

    await waitFor(() =>
      expect(screen.getByLabelText('Password to delete the account')).toHaveAccessibleDescription('The password is wrong.'),
    );
    expect(stored().token).toBe('tok-1');
  });

  it('is reachable from the header of the task page', async () => {
    const user = userEvent.setup();
    const { fetch } = backend();
    renderApp('/', fetch, TEST_SESSION);

    await user.click(await screen.findByRole('link', { name: 'Account' }));

    expect(await screen.findByRole('heading', { name: 'Account', level: 1 })).toBeInTheDocument();
  });
});
