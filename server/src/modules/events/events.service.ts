import type { Knex } from 'knex';
import type { User } from '@tm/shared/schemas/account';
import type { CloudEventBody, EventListQuery } from '@tm/shared/schemas/events';
import { message } from '@tm/shared/messages/messages';
import { AppError } from '../../http/app-error.ts';
import { toCloudEvent } from './cloud-events.ts';
import * as events from './events.repository.ts';

/** Admins read every event; an editor those of the municipalities they edit for. */
export function visibleMunicipalities(user: User): readonly string[] | undefined {
  return user.role === 'admin' ? undefined : user.municipalityCodes;
}

export async function readFeed(db: Knex, query: EventListQuery, user: User, source: string): Promise<{ items: CloudEventBody[] }> {
  const after = query.after === undefined ? 0 : await events.positionOf(db, query.after);
  if (after === undefined) throw AppError.badRequest(message('events.unknownCursor'), [{ path: 'after', message: message('events.noSuchEvent') }]);
  const rows = await events.listAfter(db, { after, municipalityCodes: visibleMunicipalities(user), limit: query.pageSize });
  return { items: rows.map((e) => toCloudEvent(e, source)) };
}
