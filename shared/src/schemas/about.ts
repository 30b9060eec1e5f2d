import { z } from 'zod';

export const dataSourceSchema = z.object({
  name: z.string(),
  attribution: z.string(),
  licence: z.string(),
  url: z.url(),
});
export type DataSource = z.infer<typeof dataSourceSchema>;

export const aboutSchema = z.object({
  /** Version of the application. */
  version: z.string(),
  /** Full semantic version of the API, as in the API-Version header. */
  apiVersion: z.string(),
  /** True when the data are the generated, fictional demo landscape. */
  demo: z.boolean(),
  dataSources: z.array(dataSourceSchema),
});
export type About = z.infer<typeof aboutSchema>;

/** The about document takes no parameters; anything given is a mistake worth reporting. */
export const aboutQuerySchema = z.strictObject({});
