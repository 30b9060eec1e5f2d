import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { ApplicationListQuery } from '@tm/shared/schemas/application';
import type { BulkChanges, BulkUpdateResult } from '@tm/shared/schemas/application-bulk-update';
import { ApiError } from '../../../lib/api.ts';
import { fetchAllMatching, refusedApplications, useBulkUpdateApplications } from '../api/bulk-update-applications.ts';
import { useSelection } from './use-selection.ts';

/** Applications a bulk update refused by name: changed by someone else since they were read, or gone. */
export type BulkRefusal = { changedSince: boolean; names: string[] };

/**
 * Bulk edit of the inventory: the rows chosen (across pages, or every one matching the filters), and the update
 * itself. A refused update names the applications that stopped it and takes them out of the selection, so the
 * reader looks at them before choosing them again.
 */
export function useBulkEdit(code: string, query: ApplicationListQuery, onDone: (result: BulkUpdateResult) => void) {
  const selection = useSelection();
  const update = useBulkUpdateApplications(code);
  const [refused, setRefused] = useState<BulkRefusal | null>(null);
  const selectAllMatching = useMutation({
    mutationFn: () => fetchAllMatching(code, query),
    onSuccess: (all) => {
      if (all) selection.replace(all);
    },
  });

  const apply = (changes: BulkChanges) => {
    const applications = selection.items;
    setRefused(null);
    update.mutate(
      { applications, changes },
      {
        onSuccess: (result) => {
          selection.clear();
          onDone(result);
        },
        onError: (error) => {
          const named = error instanceof ApiError ? refusedApplications(error.problem.errors ?? [], applications) : [];
          if (named.length === 0) return;
          selection.remove(named.map((a) => a.id));
          setRefused({ changedSince: (error as ApiError).status === 409, names: named.map((a) => a.name) });
        },
      },
    );
  };

  return {
    selection,
    apply,
    refused,
    /** A failure that names no application: the reader sees the server's reason instead. */
    error: refused ? null : update.error,
    busy: update.isPending || selectAllMatching.isPending,
    selectAllMatching: () => selectAllMatching.mutate(),
    selectAllMatchingError: selectAllMatching.error,
  };
}
export type BulkEdit = ReturnType<typeof useBulkEdit>;
