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

  it('when started, then the app waits for a healthy PostgreSQL 16 that keeps its data in a volume', () => {
    const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
      services: Record<string, { image?: string; volumes?: string[]; healthcheck?: { test: string[] }; depends_on?: Record<string, { condition: string }>; environment?: Record<string, string> }>;
      volumes: Record<string, unknown>;
    };
    const { db, app } = compose.services;
    expect(db!.image).toMatch(/^postgres:16/);
    expect(db!.volumes).toContain('pgdata:/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes)).toContain('pgdata');
    expect(db!.healthcheck!.test.join(' ')).toContain('pg_isready');
    expect(app!.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    expect(app!.environment!.DATABASE_URL).toMatch(/^postgres:\/\/.+@db:5432\//);
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
