import { Component, useId, useState, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { downloadCsv, toCsv } from '../../lib/csv.ts';
import { DataTable, type Column } from './data-table.tsx';

type Props<T> = {
  title: string;
  /** One line under the title: what the figure shows and on what base. */
  description?: ReactNode;
  rows: readonly T[];
  columns: readonly Column<T>[];
  filename: string;
  children: ReactNode;
  headingLevel?: 2 | 3;
};

class PanelBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('A dashboard panel failed to draw', error, info.componentStack);
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * Every chart with its accessible alternatives: the same rows as a table (same order) and as a CSV download.
 * A chart that fails to draw takes only its own panel down.
 */
export function ChartPanel<T>({ title, description, rows, columns, filename, children, headingLevel = 2 }: Props<T>) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  const Heading = headingLevel === 2 ? Heading2 : 'h3';
  return (
    <section className="tm-panel tm-panel--lazy" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} className={headingLevel === 3 ? 'utrecht-heading-3' : undefined}>
        {title}
      </Heading>
      {description && <Paragraph className="tm-muted">{description}</Paragraph>}
      <PanelBoundary fallback={<Paragraph>{t('states.error')}</Paragraph>}>
        {asTable ? <DataTable caption={title} rows={rows} columns={columns} /> : <figure role="img" aria-label={title} className="tm-figure">{children}</figure>}
      </PanelBoundary>
      <div className="tm-actions">
        <Button appearance="secondary-action-button" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {asTable ? t('charts.showChart') : t('charts.showTable')}
        </Button>
        <Button appearance="subtle-button" onClick={() => downloadCsv(`${filename}.csv`, toCsv(rows, columns))}>
          {t('charts.downloadCsv')}
        </Button>
      </div>
    </section>
  );
}
