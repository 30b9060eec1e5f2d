import { useSearchParams } from 'react-router-dom';

/**
 * One key of the address's query, e.g. ?groep=province: its value (or `fallback` when absent) and a setter that
 * leaves the key out while it has the fallback value, so the plain address stays plain.
 */
export function useSearchParam(key: string, fallback: string): [string, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const set = (value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value === fallback) next.delete(key);
      else next.set(key, value);
      return next;
    });
  return [params.get(key) ?? fallback, set];
}
