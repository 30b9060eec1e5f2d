/** Where a user lands after logging in: an editor's municipality, the chooser of several, or the national page. */
export const MY_MUNICIPALITIES_PATH = '/mijn-gemeenten';

/** Each user's own personal API tokens. */
export const API_TOKENS_PATH = '/mijn-api-tokens';
