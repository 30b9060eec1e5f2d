#!/bin/sh
# Run once by the postgres image when its data volume is first made (/docker-entrypoint-initdb.d): the database is
# owned by transitiemonitor_owner, which runs the migrations, and the app connects as transitiemonitor_app, which
# may read and write the data but only add to the audit trail and not change the schema (the owner grants it that
# after each migration). Neither is a superuser.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$TM_OWNER_PASSWORD" -v app_password="$TM_APP_PASSWORD" <<'SQL'
create role transitiemonitor_owner login password :'owner_password';
create role transitiemonitor_app login password :'app_password';
create database transitiemonitor owner transitiemonitor_owner;
SQL
