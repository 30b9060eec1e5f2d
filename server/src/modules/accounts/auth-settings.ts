/** How long sessions live and how many log-in attempts are allowed; from the configuration. */
export type AuthSettings = {
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  loginWindowSeconds: number;
  loginAttemptsPerAccount: number;
  loginAttemptsPerAddress: number;
};

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  sessionIdleSeconds: 30 * 60,
  sessionAbsoluteSeconds: 12 * 60 * 60,
  loginWindowSeconds: 15 * 60,
  loginAttemptsPerAccount: 5,
  // An office behind one address has many people; high enough for them, low enough to stop spraying.
  loginAttemptsPerAddress: 50,
};
