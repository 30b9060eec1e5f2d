/**
 * Whether this test run repeats an earlier one on another database (`.ci/run`'s second pass sets
 * `TEST_REPEAT=database`): a test whose outcome cannot depend on the database leaves itself out, having run already.
 * A module of its own, so that the test configuration and the browser tests can ask without loading a database.
 */
export const repeatOnAnotherDatabase = process.env.TEST_REPEAT === 'database';
