import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it.each([
    [undefined, ['loopback']],
    ['1', 1],
    ['0', 0],
    ['172.16.0.0/12', ['172.16.0.0/12']],
    ['10.0.0.1, 192.168.0.0/16,loopback', ['10.0.0.1', '192.168.0.0/16', 'loopback']],
    ['fd00::/8', ['fd00::/8']],
  ])('when TRUST_PROXY is %s, then Express is told %j', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each(['true', 'everyone', '10.0.0.0/40', '', ' , '])('when TRUST_PROXY is %j, then the start stops naming it', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY: must be a hop count/);
  });

  it('when PUBLIC_URL is https, then cookies are Secure whatever the hop to the server; over http they follow the request', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://transitiemonitor.example.nl' }).auth.secureCookies).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).auth.secureCookies).toBe(false);
    expect(loadConfig({}).auth.secureCookies).toBe(false);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://example.nl' })).toThrow(/PUBLIC_URL/);
  });

  it('when API_TOKEN_MAX_DAYS is set, then tokens live at most that long; a year by default', () => {
    expect(loadConfig({}).auth.apiTokenMaxSeconds).toBe(365 * 86_400);
    expect(loadConfig({ API_TOKEN_MAX_DAYS: '30' }).auth.apiTokenMaxSeconds).toBe(30 * 86_400);
    expect(() => loadConfig({ API_TOKEN_MAX_DAYS: '0' })).toThrow(/API_TOKEN_MAX_DAYS/);
  });
});
