import type { TFunction } from 'i18next';
import type { AuditEvent } from '@tm/shared/schemas/audit';

/** The fields an audited write changed: those whose value differs between before and after. */
export function changedFields(before: Record<string, unknown> | null, after: Record<string, unknown> | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((key) => JSON.stringify(before?.[key]) !== JSON.stringify(after?.[key]));
}

/** A field by the name the forms give it, never its key: "Status, Ingangsdatum", not "status, effectiveDate". */
export function fieldName(key: string, t: TFunction): string {
  return t(`application.fields.${key}`, { defaultValue: t(`audit.fields.${key}`, { defaultValue: key }) });
}

/** One entry in words: what was done, to what, and which fields changed. */
export function describeEvent(event: AuditEvent, t: TFunction): { action: string; subject: string; changed: string } {
  const entity = t(`audit.entities.${event.entityType}`, { defaultValue: event.entityType });
  const named = event.subject ?? event.after?.['name'] ?? event.before?.['name'];
  const changed = event.before && event.after ? changedFields(event.before, event.after) : [];
  return {
    action: t(`audit.actions.${event.action}`, { defaultValue: event.action }),
    subject: typeof named === 'string' ? `${entity}: ${named}` : entity,
    changed: changed.map((key) => fieldName(key, t)).join(', '),
  };
}
