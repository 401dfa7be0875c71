import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../api/client';
import { useEventStream } from './useEventStream';

/** Stands in for the browser's EventSource: the test opens it and sends it events. */
class FakeEventSource {
  static last: FakeEventSource | null = null;
  onopen: (() => void) | null = null;
  onmessage: (() => void) | null = null;
  onerror: (() => void) | null = null;
  readonly listeners = new Map<string, (e: MessageEvent) => void>();
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(name: string, listener: (e: MessageEvent) => void) {
    this.listeners.set(name, listener);
  }
  close() {
    this.closed = true;
  }
}

const api = {
  streamTicket: vi.fn(async () => ({ ticket: 't1' })),
  streamUrl: (userId: string, ticket: string) => `/api/${userId}/stream?ticket=${ticket}`,
} as unknown as ApiClient;

describe('useEventStream', () => {
  beforeEach(() => {
    FakeEventSource.last = null;
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('reloads once the stream opens, so a change made before it opened is not missed', async () => {
    const onTasksChanged = vi.fn();
    const onReconnected = vi.fn();
    renderHook(() => useEventStream(api, 'u1', { onTasksChanged, onNotification: vi.fn(), onReconnected }));
    await waitFor(() => expect(FakeEventSource.last).not.toBeNull());

    expect(onTasksChanged).not.toHaveBeenCalled();
    FakeEventSource.last!.onopen?.();

    expect(onTasksChanged).toHaveBeenCalledTimes(1);
    expect(onReconnected).toHaveBeenCalledTimes(1);
  });

  it('passes task events and notifications to their handlers', async () => {
    const onTasksChanged = vi.fn();
    const onNotification = vi.fn();
    renderHook(() => useEventStream(api, 'u1', { onTasksChanged, onNotification }));
    await waitFor(() => expect(FakeEventSource.last).not.toBeNull());
    const source = FakeEventSource.last!;

    source.listeners.get('task.created')?.(new MessageEvent('task.created', { data: '{}' }));
    source.listeners.get('notification')?.(new MessageEvent('notification', { data: '{"id":7}' }));

    expect(onTasksChanged).toHaveBeenCalledTimes(1);
    expect(onNotification).toHaveBeenCalledWith({ id: 7 });
  });
});
