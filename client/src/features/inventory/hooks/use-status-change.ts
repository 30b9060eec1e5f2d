import { useState } from 'react';
import type { Application, Status, UpdateApplicationInput } from '@tm/shared/schemas/application';
import { useUpdateFromRow } from '../api/change-application.ts';

/** A status chosen in a table row, waiting for the date it took effect (PRODUCT §3.2). */
export type PendingStatusChange = { row: Application; status: Status };

/** The table's inline status change: chosen in the row, dated in a dialog, then saved against the row's version. */
export function useStatusChange(onSaved: (saved: Application, effectiveDate: string) => void) {
  const mutation = useUpdateFromRow();
  const [pending, setPending] = useState<PendingStatusChange | null>(null);

  /** `alongside`: other fields changed with the status; `then`: what to do once it is saved. */
  const confirm = (effectiveDate: string, alongside: Omit<UpdateApplicationInput, 'status' | 'effectiveDate'> = {}, then?: () => void) => {
    if (!pending) return;
    mutation.mutate(
      { row: pending.row, input: { ...alongside, status: pending.status, effectiveDate } },
      {
        onSuccess: (saved) => {
          onSaved(saved, effectiveDate);
          // After this dialog has closed and given focus back to the row, so what opens next returns it there.
          if (then) requestAnimationFrame(then);
        },
        onSettled: () => setPending(null),
      },
    );
  };

  return {
    pending,
    request: (row: Application, status: Status) => {
      mutation.reset();
      setPending({ row, status });
    },
    confirm,
    cancel: () => setPending(null),
    busy: mutation.isPending,
    error: mutation.error,
  };
}
export type StatusChange = ReturnType<typeof useStatusChange>;
