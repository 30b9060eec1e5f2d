/**
 * Every representation of a municipality's application list, chosen by the `format` query key: one entry per
 * format, so a new one is one entry here and one value in the query's schema.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { Application, ApplicationListQuery } from '@tm/shared/schemas/application';
import type { ReferenceComponent } from '@tm/shared/schemas/reference-component';
import { todayIso } from '@tm/shared/dates';
import { attachmentHeaders, sendAttachment } from '../../http/attachment.ts';
import { writeLandscapeAmeff } from '../archimate/ameff-writer.ts';
import { toCsv, toXlsx, XLSX_TYPE } from '../imports/spreadsheet-export.ts';

export type ListedApplications = { items: Application[]; total: number };

/** What a format's answer needs besides the applications, read only by the formats that need it. */
export type FormatContext = {
  code: string;
  municipalityName: () => Promise<string>;
  referenceComponents: () => Promise<readonly ReferenceComponent[]>;
};

export type ApplicationListFormat = {
  /** The media type of the answer, as the OpenAPI document lists it. */
  contentType: string;
  /** One page (`page`, `pageSize`), or every matching application. */
  paged: boolean;
  send(res: Response, list: ListedApplications, context: FormatContext): Promise<void>;
};

const fileName = (code: string, extension: string) => `applicaties-${code}-${todayIso()}.${extension}`;

function download(
  extension: string,
  contentType: string,
  write: (items: readonly Application[], referenceNames: ReadonlyMap<string, string>) => Buffer | Promise<Buffer>,
): ApplicationListFormat {
  return {
    contentType,
    paged: false,
    async send(res, list, context) {
      const names = new Map((await context.referenceComponents()).map((r) => [r.id, r.name]));
      sendAttachment(res, fileName(context.code, extension), contentType, await write(list.items, names));
    },
  };
}

/** PRODUCT §13: the landscape as an ArchiMate Model Exchange File, written out while it is made. */
const archimate: ApplicationListFormat = {
  contentType: 'application/xml',
  paged: false,
  async send(res, list, context) {
    const [name, components] = await Promise.all([context.municipalityName(), context.referenceComponents()]);
    const file = writeLandscapeAmeff({
      municipality: { code: context.code, name },
      referenceComponents: new Map(components.map((c) => [c.id, c])),
      applications: list.items,
      exportedOn: todayIso(),
    });
    res.set(attachmentHeaders(fileName(context.code, 'xml'))).type('application/xml; charset=utf-8');
    try {
      await pipeline(Readable.from(file), res);
    } catch (error) {
      // A client that stops reading halfway ends the download; nothing went wrong on our side.
      if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
    }
  },
};

export const APPLICATION_FORMATS: Record<ApplicationListQuery['format'], ApplicationListFormat> = {
  json: {
    contentType: 'application/json',
    paged: true,
    async send(res, list) {
      res.json(list);
    },
  },
  csv: download('csv', 'text/csv; charset=utf-8', toCsv),
  xlsx: download('xlsx', XLSX_TYPE, toXlsx),
  archimate,
};
