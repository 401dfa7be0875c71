import { screen, waitFor } from '@testing-library/react';

/** Waits for a live-region status whose text contains `text` and returns it; fails with the statuses seen if none. */
export function findStatus(text: string): Promise<HTMLElement> {
  return waitFor(() => {
    const statuses = screen.queryAllByRole('status');
    const found = statuses.find((s) => s.textContent?.includes(text));
    if (!found) throw new Error(`no status says “${text}”; seen: ${JSON.stringify(statuses.map((s) => s.textContent))}`);
    return found;
  });
}
