import type { Knex } from 'knex';
import * as createReferenceTables from '../migrations/20261129060000_create_reference_tables.ts';
import * as createApplications from '../migrations/20261129060100_create_applications.ts';
import * as createAccounts from '../migrations/20261129070000_create_accounts.ts';
import * as createAuditEvents from '../migrations/20261129070100_create_audit_events.ts';
import * as createProgrammeSettings from '../migrations/20261129080000_create_programme_settings.ts';
import * as createProgressRollups from '../migrations/20261129080100_create_progress_rollups.ts';
import * as createPeerGroups from '../migrations/20261129080200_create_peer_groups.ts';
import * as createUsageRollups from '../migrations/20261202030000_create_usage_rollups.ts';
import * as createMeasureRevision from '../migrations/20261202100000_create_measure_revision.ts';
import * as addApiTokenScopes from '../migrations/20261206110000_add_api_token_scopes.ts';
import * as addStewardRole from '../migrations/20261206120000_add_steward_role.ts';
import * as createProductCatalogue from '../migrations/20261206120100_create_product_catalogue.ts';
import * as linkApplicationsToProducts from '../migrations/20261206120200_link_applications_to_products.ts';
import * as createAttestations from '../migrations/20261206130000_create_attestations.ts';
import * as addStaleAfterMonths from '../migrations/20261206130100_add_stale_after_months.ts';
import * as createFeedEvents from '../migrations/20261206130200_create_feed_events.ts';
import * as createWebhookSubscriptions from '../migrations/20261206130300_create_webhook_subscriptions.ts';
import * as createMailOccasions from '../migrations/20261206130400_create_mail_occasions.ts';
import * as createNotificationPreferences from '../migrations/20261206130500_create_notification_preferences.ts';
import * as addMunicipalityValidity from '../migrations/20261206140000_add_municipality_validity.ts';
import * as createMunicipalityMergers from '../migrations/20261206140100_create_municipality_mergers.ts';
import * as linkApplicationsWrittenSince from '../migrations/20261207120000_link_applications_written_since.ts';
import * as createVerifiedRollups from '../migrations/20261207120100_create_verified_rollups.ts';
import * as createCoalitions from '../migrations/20261207170000_create_coalitions.ts';
import * as createApplicationImports from '../migrations/20261207180000_create_application_imports.ts';
import * as indexAuditFilters from '../migrations/20261207180100_index_audit_filters.ts';
import * as keyUsageRollupsByProductVersion from '../migrations/20261208100000_key_usage_rollups_by_product_version.ts';
import * as createMeasureChanges from '../migrations/20261209100000_create_measure_changes.ts';
import * as dropRollupForeignKeys from '../migrations/20261210100000_drop_rollup_foreign_keys.ts';
import * as productsSearchPendingList from '../migrations/20261210100100_products_search_pending_list.ts';

/** Listed here rather than found on disk, so the same set runs under tsx, vitest and a bundler. */
const migrations: Record<string, Knex.Migration> = {
  '20261129060000_create_reference_tables': createReferenceTables,
  '20261129060100_create_applications': createApplications,
  '20261129070000_create_accounts': createAccounts,
  '20261129070100_create_audit_events': createAuditEvents,
  '20261129080000_create_programme_settings': createProgrammeSettings,
  '20261129080100_create_progress_rollups': createProgressRollups,
  '20261129080200_create_peer_groups': createPeerGroups,
  '20261202030000_create_usage_rollups': createUsageRollups,
  '20261202100000_create_measure_revision': createMeasureRevision,
  '20261206110000_add_api_token_scopes': addApiTokenScopes,
  '20261206120000_add_steward_role': addStewardRole,
  '20261206120100_create_product_catalogue': createProductCatalogue,
  '20261206120200_link_applications_to_products': linkApplicationsToProducts,
  '20261206130000_create_attestations': createAttestations,
  '20261206130100_add_stale_after_months': addStaleAfterMonths,
  '20261206130200_create_feed_events': createFeedEvents,
  '20261206130300_create_webhook_subscriptions': createWebhookSubscriptions,
  '20261206130400_create_mail_occasions': createMailOccasions,
  '20261206130500_create_notification_preferences': createNotificationPreferences,
  '20261206140000_add_municipality_validity': addMunicipalityValidity,
  '20261206140100_create_municipality_mergers': createMunicipalityMergers,
  '20261207120000_link_applications_written_since': linkApplicationsWrittenSince,
  '20261207120100_create_verified_rollups': createVerifiedRollups,
  '20261207170000_create_coalitions': createCoalitions,
  '20261207180000_create_application_imports': createApplicationImports,
  '20261207180100_index_audit_filters': indexAuditFilters,
  '20261208100000_key_usage_rollups_by_product_version': keyUsageRollupsByProductVersion,
  '20261209100000_create_measure_changes': createMeasureChanges,
  '20261210100000_drop_rollup_foreign_keys': dropRollupForeignKeys,
  '20261210100100_products_search_pending_list': productsSearchPendingList,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const migration = migrations[name];
    if (!migration) throw new Error(`unknown migration ${name}`);
    return migration;
  },
};

export async function migrateToLatest(db: Knex): Promise<void> {
  await db.migrate.latest({ migrationSource });
}

/** The migrations not yet run; reading this needs no more than SELECT on knex's own tables. */
export async function pendingMigrations(db: Knex): Promise<string[]> {
  const [, pending] = (await db.migrate.list({ migrationSource })) as [unknown, string[]];
  return pending;
}
