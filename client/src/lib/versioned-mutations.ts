import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { request } from './api.ts';

/** Marks stale whatever a write may have changed, so every screen that shows it reads it again. */
export function useInvalidate(keys: readonly QueryKey[]) {
  const client = useQueryClient();
  return () => Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
}

/** A POST that makes a new record; nothing is invalidated when it is refused. */
export function useCreate<Input, Output>(path: string, invalidates: readonly QueryKey[]) {
  const invalidate = useInvalidate(invalidates);
  return useMutation({
    mutationFn: async (input: Input) => (await request<Output>(path, { method: 'POST', body: input })).data,
    onSuccess: invalidate,
  });
}

/**
 * A PATCH with the ETag the reader saw (If-Match), so nobody overwrites a change they have not seen. Settled either
 * way, the record is read again: after a 412 that is the newest version, to redo the change on.
 */
export function useVersionedUpdate<Input, Output>(pathOf: (id: string) => string, invalidates: readonly QueryKey[]) {
  const invalidate = useInvalidate(invalidates);
  return useMutation({
    mutationFn: async ({ id, etag, input }: { id: string; etag: string | null; input: Input }) =>
      (await request<Output>(pathOf(id), { method: 'PATCH', body: input, ifMatch: etag ?? undefined })).data,
    onSettled: invalidate,
  });
}

/** A DELETE with If-Match; the removed record's own query is dropped, so nothing asks for it again. */
export function useVersionedDelete(pathOf: (id: string) => string, invalidates: readonly QueryKey[], keyOf: (id: string) => QueryKey) {
  const invalidate = useInvalidate(invalidates);
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, etag }: { id: string; etag: string | null }) => {
      await request<void>(pathOf(id), { method: 'DELETE', ifMatch: etag ?? undefined });
    },
    onSuccess: (_, { id }) => client.removeQueries({ queryKey: keyOf(id) }),
    onSettled: invalidate,
  });
}
