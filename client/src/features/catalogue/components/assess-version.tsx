import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading4 } from '@utrecht/component-library-react';
import type { AssessmentLevel, CreateAssessmentInput } from '@tm/shared/schemas/assessment';
import { MutationError } from '../../../components/ui/query-state.tsx';
import { StatusMessage } from '../../../components/ui/status-message.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useServerErrors } from '../../../lib/use-form-errors.ts';
import { useAssessVersion } from '../api/assess-version.ts';
import { AssessmentForm } from './assessment-form.tsx';

type Props = { versionId: string; label: string; level: AssessmentLevel };

/** The button that opens a version's assessment form, the form, and what the judgement did once it is recorded. */
export function AssessVersion({ versionId, label, level }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const assess = useAssessVersion();
  const server = useServerErrors(assess.error);

  const close = () => {
    setOpen(false);
    assess.reset();
    requestAnimationFrame(() => opener.current?.focus());
  };
  const submit = (input: CreateAssessmentInput) =>
    assess.mutate(
      { versionId, input },
      {
        onSuccess: (made) => {
          setMessage(
            t(`catalogue.assess.done.${made.level}`, {
              version: label,
              verdict: t(`catalogue.assess.verdicts.${made.verdict}`),
              date: f.date(made.effectiveDate),
            }),
          );
          close();
        },
      },
    );

  return (
    <div className="tm-assess">
      <StatusMessage message={message} />
      {open ? (
        <>
          <Heading4 ref={heading} tabIndex={-1} className="tm-step-heading">
            {t(`catalogue.assess.open.${level}`, { version: label })}
          </Heading4>
          {server.other !== null && <MutationError error={server.other} />}
          <AssessmentForm idPrefix={`assess-${versionId}`} level={level} serverErrors={server.fields} busy={assess.isPending} onSubmit={submit} onCancel={close} />
        </>
      ) : (
        <Button
          ref={opener}
          appearance="secondary-action-button"
          onClick={() => {
            setMessage(null);
            setOpen(true);
            // The button gives way to the form: focus goes to the form's heading rather than being lost.
            requestAnimationFrame(() => heading.current?.focus());
          }}
        >
          {t(`catalogue.assess.open.${level}`, { version: label })}
        </Button>
      )}
    </div>
  );
}
