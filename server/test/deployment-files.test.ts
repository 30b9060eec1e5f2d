/**
 * The container files, checked without a Docker engine (there is none on our build machines): docker-compose.yml
 * against the Compose Specification's JSON schema and dclint's rules, the Dockerfile with dockerfile-utils' linter
 * and against what the repository holds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DCLinter } from 'dclint';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = resolve(import.meta.dirname, '../..');

function lintCompose(file: string) {
  const [result] = new DCLinter({ rules: {}, quiet: false, debug: false, exclude: [] }).lintFiles([file], false);
  // Its warnings are matters of taste (key order, quoting); schema violations and unsafe settings are errors.
  return result!.messages.filter((m) => m.type === 'error').map((m) => `${m.rule}: ${m.message}`);
}

describe('docker-compose.yml', () => {
  it('when checked against the Compose Specification and its linter, then it has no error', () => {
    expect(lintCompose(join(ROOT, 'docker-compose.yml'))).toEqual([]);
  });

  it('when a compose file breaks the Compose Specification, then the same check names the fault', () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'tm-compose-')), 'docker-compose.yml');
    writeFileSync(broken, 'services:\n  app:\n    image: node:20\n    depends_on: 12\n');
    expect(lintCompose(broken).join('\n')).toMatch(/depends_on/);
  });

  const compose = () =>
    parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
      services: Record<string, { image?: string; command?: string[]; volumes?: string[]; healthcheck?: { test: string[] }; depends_on?: Record<string, { condition: string }>; environment?: Record<string, string> }>;
      volumes: Record<string, unknown>;
    };

  it('when started, then the app waits for a healthy PostgreSQL 16 that keeps its data in a volume, and for the migrations', () => {
    const { services, volumes } = compose();
    const { db, app } = services;
    expect(db!.image).toMatch(/^postgres:16/);
    expect(db!.volumes).toContain('pgdata:/var/lib/postgresql/data');
    expect(Object.keys(volumes)).toContain('pgdata');
    expect(db!.healthcheck!.test.join(' ')).toContain('pg_isready');
    expect(app!.depends_on).toEqual({ db: { condition: 'service_healthy' }, migrate: { condition: 'service_completed_successfully' } });
    expect(app!.environment!.DATABASE_URL).toMatch(/^postgres:\/\/.+@db:5432\//);
  });

  it('when deployed, then the app connects as its own role and only the migration step holds the owner, neither of them the superuser', () => {
    const { db, app, migrate } = compose().services;
    const userOf = (url: string | undefined) => (url ? decodeURIComponent(new URL(url.replace(/\$\{[^}]+\}/g, 'x')).username) : undefined);
    expect(userOf(app!.environment!.DATABASE_URL)).toBe('transitiemonitor_app');
    expect(app!.environment!.DATABASE_OWNER_URL).toBeUndefined();
    expect(userOf(migrate!.environment!.DATABASE_OWNER_URL)).toBe('transitiemonitor_owner');
    expect(userOf(migrate!.environment!.DATABASE_URL)).toBe('transitiemonitor_app');
    expect(migrate!.command).toEqual(['node', 'server/dist/main.mjs', '--prepare-only']);
    // The roles are made by the script the image runs on a new volume; both it and the names above must agree.
    const script = db!.volumes!.find((v) => v.includes('/docker-entrypoint-initdb.d/'))!.split(':')[0]!;
    const text = readFileSync(join(ROOT, script), 'utf8');
    expect(text).toMatch(/create role transitiemonitor_owner login/);
    expect(text).toMatch(/create role transitiemonitor_app login/);
    expect(text).toMatch(/create database transitiemonitor owner transitiemonitor_owner/);
    expect(text).not.toMatch(/create role [^;]*superuser/i);
  });
});

describe('Dockerfile', () => {
  const text = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

  it('when linted, then it has no problem', () => {
    expect(validate(text).map((d) => `line ${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it('when built, then everything it copies exists, it runs as a non-root user, checks its health and starts the server', () => {
    const sources = [...text.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(/\s+/)).filter((s) => s !== '.');
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) expect(existsSync(join(ROOT, source)), source).toBe(true);
    expect(text).toMatch(/^USER node$/m);
    expect(text).toMatch(/^HEALTHCHECK .*\/api\/v1\/health/m);
    const cmd = JSON.parse(/^CMD (.+)$/m.exec(text)![1]!) as string[];
    const started = cmd.at(-1)!;
    // What the container starts is built, not checked in: the runtime stage copies it from the build stage, whose
    // `npm run build` bundles the server; the same bundling here must write that very file.
    const fromBuild = [...text.matchAll(/^COPY --from=build \S+ (\S+)$/gm)].map((m) => m[1]!);
    expect(fromBuild.some((target) => started.startsWith(`${target}/`)), started).toBe(true);
    expect(text).toMatch(/^RUN npm run build$/m);
    const bundling = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server/scripts/bundle.ts')], { cwd: ROOT, encoding: 'utf8' });
    expect(bundling.status, bundling.stderr).toBe(0);
    expect(existsSync(join(ROOT, started)), started).toBe(true);
  }, 60_000);
});
