import { MutationObserver, onlineManager, QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newQueryClient } from './query-client';

/** Starts a mutation and reports whether its request went out within a few ticks. */
async function sentWhileOffline(client: QueryClient): Promise<boolean> {
  const send = vi.fn(async () => 'ok');
  void new MutationObserver(client, { mutationFn: send }).mutate().catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 20));
  return send.mock.calls.length > 0;
}

describe("the web UI's query client", () => {
  afterEach(() => onlineManager.setOnline(true));

  it('sends writes and reads while the browser says it is offline (the server is on the LAN)', async () => {
    onlineManager.setOnline(false);
    const client = newQueryClient();
    expect(await sentWhileOffline(client)).toBe(true);
    await expect(client.fetchQuery({ queryKey: ['x'], queryFn: async () => 42 })).resolves.toBe(42);
  });

  it('where TanStack Query by default would hold the write back until the browser is online', async () => {
    onlineManager.setOnline(false);
    expect(await sentWhileOffline(new QueryClient())).toBe(false);
  });

  it('keeps answers fresh for 30 s and does not refetch on focus', () => {
    const defaults = newQueryClient().getDefaultOptions().queries;
    expect(defaults?.staleTime).toBe(30_000);
    expect(defaults?.refetchOnWindowFocus).toBe(false);
  });
});
