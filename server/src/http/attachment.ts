import type { Response } from 'express';

/** A file to download, never kept by a cache: it holds what the caller was allowed to read at that moment. */
export function sendAttachment(res: Response, filename: string, type: string, body: Buffer): void {
  res.set({ 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' }).type(type).send(body);
}
