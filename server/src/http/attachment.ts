import type { Response } from 'express';

/** A file to download, never kept by a cache: it holds what the caller was allowed to read at that moment. */
export function attachmentHeaders(filename: string): Record<string, string> {
  return { 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' };
}

export function sendAttachment(res: Response, filename: string, type: string, body: Buffer): void {
  res.set(attachmentHeaders(filename)).type(type).send(body);
}
