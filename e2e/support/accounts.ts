/** The accounts the journeys log in with; global setup puts them in the fresh database. */
export const E2E_PASSWORD = 'e2e-wachtwoord-2026';
export const E2E_ACCOUNTS = {
  admin: { email: 'beheer@e2e.local', name: 'Beheerder', role: 'admin', municipalityCodes: [] },
  editor: { email: 'cio.leiden@e2e.local', name: 'CIO Leiden', role: 'editor', municipalityCodes: ['GM0546'] },
  viewer: { email: 'viewer@e2e.local', name: 'Meekijker', role: 'viewer', municipalityCodes: [] },
  /** The catalogue's steward (PRODUCT §9): verifies judgements, merges duplicate products. */
  steward: { email: 'catalogus@e2e.local', name: 'Catalogusbeheerder', role: 'steward', municipalityCodes: [] },
  /** A shared-service organisation: edits for Leiden and Leiderdorp. */
  sharedService: { email: 'cio.holland-rijnland@e2e.local', name: 'CIO Holland Rijnland', role: 'editor', municipalityCodes: ['GM0546', 'GM0547'] },
} as const;
