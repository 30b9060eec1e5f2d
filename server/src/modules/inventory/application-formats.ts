/**
 * Every representation of a municipality's application list, chosen by the `format` query key: one entry per
 * format, so a new one (an ArchiMate exchange file, say) is one entry here and one value in the query's schema.
 */
import type { Response } from 'express';
import type { Application, ApplicationListQuery } from '@tm/shared/schemas/application';
import { todayIso } from '@tm/shared/dates';
import { sendAttachment } from '../../http/attachment.ts';
import { toCsv, toXlsx, XLSX_TYPE } from '../imports/spreadsheet-export.ts';

export type ListedApplications = { items: Application[]; total: number };

/** What a format's answer needs besides the applications: the reference components' names, read when needed. */
export type FormatContext = { code: string; referenceNames: () => Promise<ReadonlyMap<string, string>> };

export type ApplicationListFormat = {
  /** The media type of the answer, as the OpenAPI document lists it. */
  contentType: string;
  /** One page (`page`, `pageSize`), or every matching application. */
  paged: boolean;
  send(res: Response, list: ListedApplications, context: FormatContext): Promise<void>;
};

function download(
  extension: string,
  contentType: string,
  write: (items: readonly Application[], referenceNames: ReadonlyMap<string, string>) => Buffer | Promise<Buffer>,
): ApplicationListFormat {
  return {
    contentType,
    paged: false,
    async send(res, list, context) {
      const body = await write(list.items, await context.referenceNames());
      sendAttachment(res, `applicaties-${context.code}-${todayIso()}.${extension}`, contentType, body);
    },
  };
}

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
};
