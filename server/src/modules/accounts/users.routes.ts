import { Router } from 'express';
import type { Knex } from 'knex';
import { createUserSchema, updateUserSchema, userIdParamsSchema, userListQuerySchema } from '@tm/shared/schemas/account';
import { actorOf } from '../../http/actor.ts';
import { requireRole } from '../../http/authorize.ts';
import { requiredRevision, setEtag } from '../../http/etag.ts';
import { requireJsonBody, validateRequest } from '../../http/validate.ts';
import * as users from './users.service.ts';

/** Account management: admins only (PRODUCT §6). */
export function usersRoutes(db: Knex): Router {
  const router = Router({ strict: true });
  const admin = requireRole('admin');

  router.get('/users', admin, async (req, res) => {
    const { query } = validateRequest(req, { query: userListQuerySchema });
    const items = await users.listUsers(db, query);
    res.json({ items, total: items.length });
  });

  router.post('/users', admin, async (req, res) => {
    requireJsonBody(req);
    const { body } = validateRequest(req, { body: createUserSchema });
    const created = await users.createUser(db, body, actorOf(req, res));
    setEtag(res, created.user.id, created.revision);
    res.status(201).location(`${req.baseUrl}/users/${created.user.id}`).json(created.user);
  });

  router.get('/users/:id', admin, async (req, res) => {
    const { params } = validateRequest(req, { params: userIdParamsSchema });
    const found = await users.getUser(db, params.id);
    setEtag(res, found.user.id, found.revision);
    res.set('Cache-Control', 'no-cache').json(found.user);
  });

  router.patch('/users/:id', admin, async (req, res) => {
    requireJsonBody(req);
    const { params, body } = validateRequest(req, { params: userIdParamsSchema, body: updateUserSchema });
    const updated = await users.updateUser(db, params.id, requiredRevision(req, params.id), body, actorOf(req, res));
    setEtag(res, updated.user.id, updated.revision);
    res.json(updated.user);
  });

  router.delete('/users/:id', admin, async (req, res) => {
    const { params } = validateRequest(req, { params: userIdParamsSchema });
    await users.deleteUser(db, params.id, requiredRevision(req, params.id), actorOf(req, res));
    res.status(204).end();
  });

  return router;
}
