import { useMemo } from 'react';
import type { ReferenceComponent } from '@tm/shared/schemas/reference-component';
import { useApplicationNames } from '../api/get-application-names.ts';
import type { Names } from '../components/field-values.ts';

/** Names for the reference components (all known) and for these applications (looked up). */
export function useNames(referenceComponents: readonly ReferenceComponent[], applicationIds: readonly string[]): Names {
  const components = useMemo(() => new Map(referenceComponents.map((rc) => [rc.id, rc.name])), [referenceComponents]);
  const applications = useApplicationNames(applicationIds);
  return {
    referenceComponent: (id) => components.get(id),
    application: (id) => (applications.has(id) ? applications.get(id)! : undefined),
  };
}
