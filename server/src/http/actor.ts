import type { Request, Response } from 'express';
import type { ActorRef } from '@tm/shared/schemas/history';

export type Actor = ActorRef & { requestId: string | undefined };

/** Who is acting; set by authentication, and otherwise an anonymous caller that is still on the record. */
export function actorOf(req: Request, res: Response): Actor {
  const user = res.locals.user as { id: string; email: string } | undefined;
  return {
    id: user?.id ?? null,
    name: user?.email ?? `anonymous (${req.ip ?? 'unknown address'})`,
    requestId: res.locals.requestId as string | undefined,
  };
}
