import type { Knex } from 'knex';

/**
 * Webhook subscriptions to the change feed and their delivery log (PRODUCT §11). Each subscription walks the feed
 * on its own: `delivered_position` is the last event it delivered (or passed over, not matching its filters), so
 * events reach it in commit order and one failing receiver holds up nobody else. A server working on a
 * subscription leases it (`lease_token`, `lease_until`), so servers share the work without sending an event twice at
 * once, and a server killed mid-delivery leaves a lease that runs out.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('webhook_subscriptions', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('owner_id').notNullable().references('id').inTable('users').onDelete('CASCADE');
    t.text('url').notNullable();
    // The signing secret must be read back to sign; it is shown to its owner only once.
    t.text('secret').notNullable();
    // Null: every municipality the owner may see (an admin: also the programme's own events).
    t.specificType('municipality_codes', 'text[]');
    // Null: every event type.
    t.specificType('types', 'text[]');
    t.boolean('enabled').notNullable().defaultTo(true);
    t.bigInteger('delivered_position').notNullable();
    t.timestamp('next_attempt_at', { useTz: true });
    t.timestamp('failing_since', { useTz: true });
    t.uuid('lease_token');
    t.timestamp('lease_until', { useTz: true });
    t.timestamp('disabled_at', { useTz: true });
    t.text('disabled_reason');
    // Set when deliveries gave up, until the owner has been mailed about it.
    t.boolean('notify_owner').notNullable().defaultTo(false);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['owner_id']);
  });
  await knex.schema.createTable('webhook_deliveries', (t) => {
    t.bigIncrements('id').primary();
    t.uuid('subscription_id').notNullable().references('id').inTable('webhook_subscriptions').onDelete('CASCADE');
    t.uuid('event_id').notNullable();
    t.bigInteger('event_position').notNullable();
    t.text('event_type').notNullable();
    t.text('status').notNullable().checkIn(['retrying', 'delivered', 'failed']);
    t.integer('attempts').notNullable();
    t.integer('last_status_code');
    t.text('last_error');
    t.timestamp('first_attempt_at', { useTz: true }).notNullable();
    t.timestamp('last_attempt_at', { useTz: true }).notNullable();
    t.timestamp('next_attempt_at', { useTz: true });
    t.timestamp('delivered_at', { useTz: true });
    t.unique(['subscription_id', 'event_position']);
  });
  // An admin setting: private networks that subscriptions may point at (a receiver on the organisation's own network).
  await knex.schema.createTable('webhook_settings', (t) => {
    t.boolean('singleton').primary().defaultTo(true);
    t.specificType('allowed_private_networks', 'text[]').notNullable().defaultTo('{}');
    t.check('singleton', [], 'webhook_settings_one_row');
  });
  await knex('webhook_settings').insert({ singleton: true });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('webhook_settings');
  await knex.schema.dropTable('webhook_deliveries');
  await knex.schema.dropTable('webhook_subscriptions');
}
