/**
 * The root of every dashboard query (national, municipality, peers): each figure is computed from inventories and
 * settings, so a write of either invalidates this one key instead of naming each dashboard feature's keys.
 */
export const DASHBOARD_KEY = ['dashboard'] as const;
