import { useCallback, useMemo, useState } from 'react';
import type { Application } from '@tm/shared/schemas/application';

/** A row chosen for a bulk update, with the version the reader saw so a change made since is not overwritten. */
export type SelectedApplication = Pick<Application, 'id' | 'name' | 'updatedAt'>;

const entry = ({ id, name, updatedAt }: SelectedApplication): SelectedApplication => ({ id, name, updatedAt });

/** Rows chosen in the inventory table; kept while the reader pages, so a selection can span pages. */
export function useSelection() {
  const [selected, setSelected] = useState<ReadonlyMap<string, SelectedApplication>>(new Map());

  const toggle = useCallback((row: SelectedApplication) => {
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(row.id)) next.delete(row.id);
      else next.set(row.id, entry(row));
      return next;
    });
  }, []);

  /** Adds every row when not all of them are selected yet, else removes them all. */
  const togglePage = useCallback((rows: readonly SelectedApplication[]) => {
    setSelected((current) => {
      const next = new Map(current);
      const all = rows.every((r) => current.has(r.id));
      for (const row of rows) {
        if (all) next.delete(row.id);
        else next.set(row.id, entry(row));
      }
      return next;
    });
  }, []);

  const replace = useCallback((rows: readonly SelectedApplication[]) => setSelected(new Map(rows.map((r) => [r.id, entry(r)]))), []);

  const remove = useCallback((ids: readonly string[]) => {
    setSelected((current) => {
      const next = new Map(current);
      for (const id of ids) next.delete(id);
      return next;
    });
  }, []);

  const clear = useCallback(() => setSelected(new Map()), []);
  const items = useMemo(() => [...selected.values()], [selected]);

  return { items, count: selected.size, has: (id: string) => selected.has(id), toggle, togglePage, replace, remove, clear };
}
export type Selection = ReturnType<typeof useSelection>;
