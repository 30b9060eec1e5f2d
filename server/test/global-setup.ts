import { prepareTestTemplate } from '@tm/db/testing';

export default async function setup(): Promise<void> {
  await prepareTestTemplate();
}
