import type { Request, RequestHandler, Response } from 'express';
import { message } from '@tm/shared/messages/messages';
import type { Role, User } from '@tm/shared/schemas/account';
import { AppError } from './app-error.ts';
import { currentUser } from './authenticate.ts';

const notLoggedIn = () => AppError.unauthorized(message('auth.notLoggedIn'), { 'WWW-Authenticate': 'Bearer' });

function signedIn(res: Response): User {
  const user = currentUser(res);
  if (!user) throw notLoggedIn();
  return user;
}

/** Any account: every role sees the inventories (PRODUCT §6). */
export const requireSignedIn: RequestHandler = (_req, res, next) => {
  signedIn(res);
  next();
};

export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const user = signedIn(res);
    if (!roles.includes(user.role)) throw AppError.forbidden(message('auth.roleRequired', { roles: roles.map((r) => message(`roles.${r}`)) }));
    next();
  };
}

export function isEditorOf(user: User | undefined, code: string): boolean {
  return user?.role === 'editor' && user.municipalityCodes.includes(code);
}

/** An editor bound to the municipality named by the path parameter `param`. */
export function requireEditorOf(param: string): RequestHandler {
  return (req, res, next) => {
    const user = signedIn(res);
    const code = String(req.params[param] ?? '');
    if (!isEditorOf(user, code)) throw AppError.forbidden(message('auth.editorOf', { code }));
    next();
  };
}

/**
 * An editor bound to the municipality that owns the resource the request names, as `municipalityOf` finds it
 * (e.g. an application's). A resource that does not exist is left for the route to answer 404.
 */
export function requireEditorOfOwner(municipalityOf: (req: Request) => Promise<string | undefined>): RequestHandler {
  return async (req, res, next) => {
    const user = signedIn(res);
    const code = await municipalityOf(req);
    if (code === undefined ? user.role !== 'editor' : !isEditorOf(user, code))
      throw AppError.forbidden(code ? message('auth.editorOf', { code }) : message('auth.editorOnly'));
    next();
  };
}
