import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { Pager } from '../../../components/ui/pager.tsx';
import { EmptyState, ErrorState, Skeleton } from '../../../components/ui/query-state.tsx';

type Props<T> = {
  id: string;
  title: string;
  intro: string;
  /** Says how many there are; the page shows at most `pageSize` of them. */
  summary: (total: number) => string;
  empty: string;
  pagerLabel: string;
  list: UseQueryResult<{ items: T[]; total: number }>;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  /** What the steward's last action did, or why it failed; shown above the list, also once the list is empty. */
  notices?: ReactNode;
  children: (items: T[]) => ReactNode;
};

/** One part of the steward's work list: a heading, what it is for, and one page of a paged list with its states. */
export function WorkPanel<T>({ id, title, intro, summary, empty, pagerLabel, list, page, pageSize, onPage, notices, children }: Props<T>) {
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / pageSize)) : 1;
  return (
    <section className="tm-panel" aria-labelledby={id}>
      <Heading2 id={id}>{title}</Heading2>
      <Paragraph>{intro}</Paragraph>
      {notices}
      {list.isPending ? (
        <Skeleton lines={6} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <>
          <Paragraph className="tm-muted">{summary(list.data.total)}</Paragraph>
          {children(list.data.items)}
          {pages > 1 && <Pager label={pagerLabel} page={page} pages={pages} onPage={onPage} />}
        </>
      )}
    </section>
  );
}
