/** How long sessions and API tokens live and how many log-in attempts are allowed; from the configuration. */
export type AuthSettings = {
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  loginWindowSeconds: number;
  loginAttemptsPerAccount: number;
  loginAttemptsPerAddress: number;
  /** The longest a personal API token may live; also the lifetime of one made without an end. */
  apiTokenMaxSeconds: number;
  /** Cookies only over HTTPS: set when the public address is https, whatever the hop to this server uses. */
  secureCookies: boolean;
};

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  sessionIdleSeconds: 30 * 60,
  sessionAbsoluteSeconds: 12 * 60 * 60,
  loginWindowSeconds: 15 * 60,
  loginAttemptsPerAccount: 5,
  // An office behind one address has many people; high enough for them, low enough to stop spraying.
  loginAttemptsPerAddress: 50,
  apiTokenMaxSeconds: 365 * 24 * 60 * 60,
  secureCookies: false,
};
