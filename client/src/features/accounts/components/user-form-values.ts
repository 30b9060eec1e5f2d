import type { Role, User } from '@tm/shared/schemas/account';

/** What the user form's inputs hold. */
export type UserFormValues = {
  email: string;
  name: string;
  role: Role;
  municipalityCodes: string[];
  password: string;
};

export const emptyUserValues: UserFormValues = { email: '', name: '', role: 'viewer', municipalityCodes: [], password: '' };

export function userValuesOf(user: User): UserFormValues {
  return { email: user.email, name: user.name, role: user.role, municipalityCodes: [...user.municipalityCodes], password: '' };
}

/** Only an editor keeps the municipalities picked in the form; the other roles are bound to none. */
const codesFor = (v: UserFormValues) => (v.role === 'editor' ? v.municipalityCodes : []);

/** For `createUserSchema`; an empty password means an account that signs in through single sign-on only. */
export function toCreateUserInput(v: UserFormValues): Record<string, unknown> {
  return { email: v.email.trim(), name: v.name, role: v.role, municipalityCodes: codesFor(v), password: v.password || undefined };
}

/** Only what changed, for `updateUserSchema`; the role and its municipalities travel together. */
export function toUpdateUserInput(v: UserFormValues, original: User): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  if (v.name.trim() !== original.name) changed.name = v.name;
  const codes = codesFor(v);
  const sameCodes = codes.length === original.municipalityCodes.length && codes.every((c) => original.municipalityCodes.includes(c));
  if (v.role !== original.role || !sameCodes) {
    changed.role = v.role;
    changed.municipalityCodes = codes;
  }
  if (v.password) changed.password = v.password;
  return changed;
}
