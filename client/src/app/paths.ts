/** Where a user lands after logging in: an editor's municipality, the chooser of several, or the national page. */
export const MY_MUNICIPALITIES_PATH = '/mijn-gemeenten';

/** Webhook subscriptions, for editors and admins; the mail about a disabled subscription links here. */
export const SUBSCRIPTIONS_PATH = '/meldingen';

/** The user's own settings; the reminder mails link here. */
export const MY_SETTINGS_PATH = '/instellingen';

/** Each user's own personal API tokens. */
export const API_TOKENS_PATH = '/mijn-api-tokens';

/** The product catalogue (PRODUCT §9), open to everyone. */
export const PRODUCTS_PATH = '/producten';

/** The catalogue steward's work list (PRODUCT §9): what to judge, merge or look at again. */
export const CATALOGUE_WORK_PATH = '/catalogus';
