// Helpers for mocking fetch in tests.
import { vi } from 'vitest';

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

export function problem(status: number, detail: string, extra: Record<string, unknown> = {}): Response {
  return jsonResponse({ type: 'about:blank', title: 'Error', status, detail, ...extra }, status);
}

export interface Call {
  method: string;
  url: string;
  path: string;
  search: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (call: Call) => Response | Promise<Response>;
type Route = [method: string, path: string | RegExp, handler: Handler];

/**
 * A fetch mock that dispatches on method + path. Unmatched requests get a 404 problem.
 * `calls` records every request.
 */
export function mockFetch(routes: Route[]) {
  const calls: Call[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    let body: unknown = undefined;
    if (typeof init.body === 'string') {
      try {
        body = JSON.parse(init.body);
      } catch {
        body = init.body;
      }
    }
    const call: Call = {
      method: (init.method ?? 'GET').toUpperCase(),
      url: url.pathname + url.search,
      path: url.pathname,
      search: url.searchParams,
      headers,
      body,
    };
    calls.push(call);
    for (const [method, path, handler] of routes) {
      if (method !== call.method) continue;
      if (typeof path === 'string' ? path === call.path : path.test(call.path)) return handler(call);
    }
    return problem(404, `No route for ${call.method} ${call.path}`);
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}
