import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading2, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Municipality } from '@tm/shared/schemas/municipality';
import { Pager } from '../../../components/ui/pager.tsx';
import { EmptyState, ErrorState, Skeleton } from '../../../components/ui/query-state.tsx';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { CaptionedTable } from '../../../components/ui/captioned-table.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useRegister } from '../api/register.ts';

const PAGE_SIZES = [25, 50, 100] as const;

/** Accents and case aside, as a reader types a name: "sudwest" finds Súdwest-Fryslân; a code finds its municipality. */
const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function matchesRegister(m: Municipality, query: string): boolean {
  const q = plain(query.trim());
  return q === '' || plain(m.name).includes(q) || m.code.toLowerCase() === q || plain(m.province).includes(q) || (m.mergedInto !== null && plain(m.mergedInto.name).includes(q));
}

/**
 * The municipality register in Beheer: searchable and paged rather than 342 rows at once, with each merged
 * municipality saying what it became part of and when.
 */
export function RegisterTable() {
  const { t } = useTranslation();
  const f = useFormat();
  const register = useRegister();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<number>(PAGE_SIZES[0]);
  const matching = useMemo(() => (register.data?.items ?? []).filter((m) => matchesRegister(m, query)), [register.data, query]);
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const shown = matching.slice((Math.min(page, pages) - 1) * pageSize, Math.min(page, pages) * pageSize);
  const caption = t('admin.register');
  return (
    <section className="tm-panel" aria-labelledby="register-heading">
      <Heading2 id="register-heading">{caption}</Heading2>
      <TextField
        id="register-search"
        label={t('admin.registerSearch')}
        value={query}
        onChange={(value) => {
          setQuery(value);
          setPage(1);
        }}
      />
      {register.isPending ? (
        <Skeleton lines={8} />
      ) : register.isError ? (
        <ErrorState error={register.error} onRetry={() => void register.refetch()} />
      ) : matching.length === 0 ? (
        <EmptyState>{t('admin.registerNone')}</EmptyState>
      ) : (
        <>
          <Paragraph role="status">{t('admin.registerCount', { count: matching.length })}</Paragraph>
          <CaptionedTable
            caption={caption}
            headings={[
              { label: t('municipality.columns.name') },
              { label: t('municipality.columns.code') },
              { label: t('municipality.columns.province') },
              { label: t('municipality.columns.population'), numeric: true },
              { label: t('admin.registerMergedInto') },
            ]}
          >
            {shown.map((m) => (
              <TableRow key={m.code}>
                <TableHeaderCell scope="row">
                  <AppLink href={`/gemeenten/${m.code}`}>{m.name}</AppLink>
                </TableHeaderCell>
                <TableCell>{m.code}</TableCell>
                <TableCell>{m.province}</TableCell>
                <TableCell className="tm-num">{f.integer(m.population)}</TableCell>
                <TableCell>
                  {m.mergedInto && m.validTo
                    ? t('admin.registerMergedOn', { name: m.mergedInto.name, code: m.mergedInto.code, date: f.date(m.validTo) })
                    : ''}
                </TableCell>
              </TableRow>
            ))}
          </CaptionedTable>
          <Pager
            label={t('admin.registerPaging')}
            page={Math.min(page, pages)}
            pages={pages}
            onPage={setPage}
            pageSize={{
              id: 'register-page-size',
              value: pageSize,
              choices: PAGE_SIZES,
              onChange: (size) => {
                setPageSize(size);
                setPage(1);
              },
            }}
          />
        </>
      )}
    </section>
  );
}
