// docker-compose.yml cannot be run here (no Docker engine), so check what can be checked:
// it parses, every variable the service reads is set for the app, and the addresses agree.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  ports?: string[];
}
const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as { services: Record<string, Service> };
const services = compose.services;
const app = services.app!;
const environment = app.environment ?? {};
const publishedPorts = (service: Service) => (service.ports ?? []).map((mapping) => Number(mapping.split(':').at(-1)));

describe('docker-compose.yml', () => {
  it('has PostgreSQL, Temporal, the Temporal UI, an SMTP catcher and the app', () => {
    expect(Object.keys(services).sort()).toEqual(['app', 'mailpit', 'postgresql', 'temporal', 'temporal-ui']);
    expect(app.build).toBe('.');
  });

  it('sets every environment variable platform/config.ts reads', () => {
    const source = readFileSync('platform/config.ts', 'utf8');
    const read = new Set([...source.matchAll(/env\.([A-Z_]+)|(?:port|positive)\(env, '([A-Z_]+)'/g)].map((match) => match[1] ?? match[2]));
    expect(read.size).toBeGreaterThan(5);
    for (const name of read) expect(environment, `app.environment.${name}`).toHaveProperty(name!);
  });

  it('points the app and the UI at the services that exist, on the ports they use', () => {
    const database = new URL(environment.DATABASE_URL!);
    const postgres = services[database.hostname]!.environment!;
    expect(decodeURIComponent(database.username)).toBe(postgres.POSTGRES_USER);
    expect(decodeURIComponent(database.password)).toBe(postgres.POSTGRES_PASSWORD);
    expect(database.pathname).toBe(`/${postgres.POSTGRES_DB}`);

    const [temporalHost, temporalPort] = environment.TEMPORAL_ADDRESS!.split(':');
    expect(publishedPorts(services[temporalHost!]!)).toContain(Number(temporalPort));
    expect(services['temporal-ui']!.environment!.TEMPORAL_ADDRESS).toBe(environment.TEMPORAL_ADDRESS);
    expect(services.temporal!.environment!.POSTGRES_SEEDS).toBe(database.hostname);

    const smtp = new URL(environment.SMTP_URL!);
    expect(publishedPorts(services[smtp.hostname]!)).toContain(Number(smtp.port));

    expect(publishedPorts(app)).toContain(Number(environment.PORT));
    expect(environment.HOST).toBe('0.0.0.0');
    expect(readFileSync('Dockerfile', 'utf8')).toMatch(new RegExp(`EXPOSE ${environment.PORT}\\b`));
  });
});
