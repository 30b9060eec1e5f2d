import { defineConfig } from 'vitest/config';
import { repeatOnAnotherDatabase } from './db/src/test-repeat.ts';

// A repeat of the run on another database leaves out the projects that never touch one.
export default defineConfig({
  test: {
    projects: repeatOnAnotherDatabase ? ['db', 'server'] : ['shared', 'db', 'server', 'client'],
  },
});
