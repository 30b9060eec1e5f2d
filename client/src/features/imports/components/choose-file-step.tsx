import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField, FormFieldDescription, FormLabel, Paragraph } from '@utrecht/component-library-react';
import { UtrechtLink } from '../../../components/ui/router-link.tsx';
import { useFormat } from '../../../lib/format.ts';
import { IMPORT_TEMPLATE_URL } from '../api/spreadsheet-urls.ts';
import { StepHeading } from './step-heading.tsx';

const ACCEPT = '.xlsx,.csv,.xml,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/xml,text/xml';

type Props = { file: File | null; busy: boolean; onChoose: (file: File | null) => void; onCheck: () => void };

/** Step 1: a plain file input (keyboard and screen readers know it), which also takes a file dropped on its area. */
export function ChooseFileStep({ file, busy, onChoose, onCheck }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files;
    if (dropped.length === 0) return;
    // The input then names the file itself, as if it had been picked.
    if (input.current) input.current.files = dropped;
    onChoose(dropped[0] ?? null);
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onCheck();
      }}
    >
      <StepHeading>{t('imports.choose.heading')}</StepHeading>
      <Paragraph>{t('imports.choose.intro')}</Paragraph>
      <Paragraph>
        <UtrechtLink href={IMPORT_TEMPLATE_URL} download>
          {t('imports.choose.template')}
        </UtrechtLink>
      </Paragraph>
      <div
        className={dragging ? 'tm-dropzone tm-dropzone--active' : 'tm-dropzone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <FormField>
          <FormLabel htmlFor="import-file">{t('imports.choose.file')}</FormLabel>
          <FormFieldDescription id="import-file-hint">
            {t('imports.choose.fileHint')} {t('imports.choose.drop')}
          </FormFieldDescription>
          <input
            ref={input}
            id="import-file"
            className="tm-file-input"
            type="file"
            accept={ACCEPT}
            aria-describedby="import-file-hint"
            onChange={(event) => onChoose(event.target.files?.[0] ?? null)}
          />
        </FormField>
        {file && <Paragraph>{t('imports.choose.chosen', { name: file.name, size: f.fileSize(file.size) })}</Paragraph>}
      </div>
      <div className="tm-actions">
        <Button type="submit" appearance="primary-action-button" disabled={!file} busy={busy}>
          {t('imports.choose.check')}
        </Button>
      </div>
    </form>
  );
}
