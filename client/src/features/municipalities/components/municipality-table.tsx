import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { Municipality } from '@tm/shared/schemas/municipality';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { useFormat } from '../../../lib/format.ts';
import { TableScroll } from '../../../components/ui/table-scroll.tsx';

export function filterMunicipalities(items: readonly Municipality[], query: string): Municipality[] {
  const q = query.trim().toLowerCase();
  const found = q ? items.filter((m) => m.name.toLowerCase().includes(q) || m.code.toLowerCase().includes(q)) : [...items];
  return found.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

export function MunicipalityTable({ items, query, caption }: { items: readonly Municipality[]; query: string; caption: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows = useMemo(() => filterMunicipalities(items, query), [items, query]);
  return (
    <TableScroll name={caption}>
      <Table className="tm-table tm-table--dense">
        <caption className="tm-visually-hidden">{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('municipality.columns.name')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('municipality.columns.code')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('municipality.columns.province')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="tm-num">{t('municipality.columns.population')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('municipality.columns.sizeClass')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((m) => (
            <TableRow key={m.code}>
              <TableCell>
                <AppLink href={`/gemeenten/${m.code}`}>{m.name}</AppLink>
              </TableCell>
              <TableCell>{m.code}</TableCell>
              <TableCell>{m.province}</TableCell>
              <TableCell className="tm-num">{f.integer(m.population)}</TableCell>
              <TableCell>{t(`sizeClasses.${m.sizeClass}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
