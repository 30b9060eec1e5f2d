import type { Request, RequestHandler, Response } from 'express';
import type { Role, User } from '@tm/shared/schemas/account';
import { AppError } from './app-error.ts';
import { currentUser } from './authenticate.ts';

const notLoggedIn = () =>
  new AppError(401, 'Not logged in', 'Log in, or send a personal API token as Authorization: Bearer', undefined, {
    'WWW-Authenticate': 'Bearer',
  });
const forbidden = (detail: string) => new AppError(403, 'Forbidden', detail);

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
    if (!roles.includes(user.role)) throw forbidden(`This needs the role ${roles.join(' or ')}`);
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
    if (!isEditorOf(user, code)) throw forbidden(`Only an editor of ${code} may change its inventory`);
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
      throw forbidden(code ? `Only an editor of ${code} may change its inventory` : 'Only an editor may change an inventory');
    next();
  };
}
