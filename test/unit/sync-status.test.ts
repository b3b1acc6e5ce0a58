// Team sync settings and status mapping (lib/sync/config.ts, lib/sync/status.ts): which service
// URLs are accepted, the one origin the permission is asked for, and what each fault says.
import { describe, expect, it } from 'vitest';
import { databaseUrlSchema, originPattern, syncConfigSchema } from '../../lib/sync/config';
import { faultOf, statusFromAddon } from '../../lib/sync/status';

describe('team sync config', () => {
  it('accepts https service URLs and loopback http, as their origin', () => {
    expect(databaseUrlSchema.parse(' https://zabc123.dexie.cloud ')).toBe('https://zabc123.dexie.cloud');
    expect(databaseUrlSchema.parse('https://sync.example.com/')).toBe('https://sync.example.com');
    expect(databaseUrlSchema.parse('http://127.0.0.1:9')).toBe('http://127.0.0.1:9');
    expect(databaseUrlSchema.parse('http://localhost:3000')).toBe('http://localhost:3000');
  });
  it('refuses plain http elsewhere, paths, credentials, queries and non-URLs', () => {
    for (const bad of ['http://zabc.dexie.cloud', 'https://x.example/db', 'https://u:p@x.example', 'https://x.example/?a=1', 'ftp://x.example', 'zabc.dexie.cloud', 'javascript:alert(1)'])
      expect(databaseUrlSchema.safeParse(bad).success, bad).toBe(false);
  });
  it('asks the permission of that origin only', () => {
    expect(originPattern('https://zabc123.dexie.cloud')).toBe('https://zabc123.dexie.cloud/*');
    expect(originPattern('http://127.0.0.1:9')).toBe('http://127.0.0.1:9/*');
  });
  it('normalises the e-mail and refuses a bad one', () => {
    expect(syncConfigSchema.parse({ databaseUrl: 'https://z.dexie.cloud', email: ' Jane@Example.COM ' }).email).toBe('jane@example.com');
    expect(syncConfigSchema.safeParse({ databaseUrl: 'https://z.dexie.cloud', email: 'jane' }).success).toBe(false);
  });
});

describe('team sync status', () => {
  const T = 1_700_000_000_000;
  it('maps the addon state and the logged-in user', () => {
    expect(statusFromAddon({ phase: 'in-sync' }, true, T)).toEqual({ phase: 'synced', lastSyncAt: T });
    expect(statusFromAddon({ phase: 'pushing' }, true, T)).toEqual({ phase: 'syncing', lastSyncAt: T });
    expect(statusFromAddon({ phase: 'initial' }, false, undefined)).toEqual({ phase: 'login', lastSyncAt: undefined, message: undefined });
    expect(statusFromAddon({ phase: 'offline' }, true, T)).toEqual({ phase: 'offline', lastSyncAt: T, message: undefined });
    expect(statusFromAddon({ phase: 'in-sync', license: 'expired' }, true, T)).toEqual({ phase: 'rejected', lastSyncAt: T, message: 'license expired' });
  });
  it('tells the faults apart by the error the addon keeps', () => {
    expect(faultOf(new TypeError('Failed to fetch'))).toEqual({ phase: 'offline', message: 'Failed to fetch' });
    expect(faultOf(new Error('TypeError: NetworkError when attempting to fetch resource.'))).toEqual({ phase: 'offline', message: 'TypeError: NetworkError when attempting to fetch resource.' });
    expect(faultOf(Object.assign(new Error('401 Unauthorized'), { name: 'HttpError', httpStatus: 401 })).phase).toBe('loginExpired');
    expect(faultOf(Object.assign(new Error('expired'), { name: 'TokenExpiredError' })).phase).toBe('loginExpired');
    expect(faultOf(Object.assign(new Error('403 Forbidden'), { name: 'HttpError', httpStatus: 403 })).phase).toBe('rejected');
    expect(faultOf(Object.assign(new Error('USER_NOT_ACCEPTED'), { name: 'PolicyRejectionError' })).phase).toBe('rejected');
    expect(faultOf(Object.assign(new Error('500 Internal Server Error'), { name: 'HttpError', httpStatus: 500 }))).toEqual({ phase: 'error', message: '500 Internal Server Error' });
    expect(statusFromAddon({ phase: 'error', error: Object.assign(new Error('403'), { httpStatus: 403 }) }, true, T).phase).toBe('rejected');
  });
});
