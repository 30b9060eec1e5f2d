import { prepareTestTemplate } from '../src/testing.ts';

export default async function setup(): Promise<void> {
  await prepareTestTemplate();
}
