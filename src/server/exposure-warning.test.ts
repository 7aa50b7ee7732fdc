import { describe, expect, it } from 'vitest';
import { exposureWarning, isLoopbackHost, parseTrustProxy } from './exposure-warning.js';

describe('exposure warning', () => {
  it('stays silent on the loopback interface, whatever its spelling', () => {
    for (const host of [
      '127.0.0.1',
      '127.1.2.3',
      '::1',
      '[::1]',
      'localhost',
      'LocalHost',
      '::ffff:127.0.0.1',
    ]) {
      expect(isLoopbackHost(host), host).toBe(true);
      expect(exposureWarning({ host, tls: false }), host).toBeNull();
    }
  });

  it('warns, in both languages, for every other interface served without TLS', () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.5', 'gongwei.example.cn', '128.0.0.1']) {
      expect(isLoopbackHost(host), host).toBe(false);
      const warning = exposureWarning({ host, tls: false });
      expect(warning?.en, host).toContain(`plain HTTP on ${host}`);
      expect(warning?.en).toContain('personal health data');
      expect(warning?.zh).toContain('明文 HTTP');
    }
  });

  it('stays silent when the server itself speaks TLS', () => {
    expect(exposureWarning({ host: '0.0.0.0', tls: true })).toBeNull();
  });
});

describe('--trust-proxy', () => {
  it('takes a list of addresses, CIDR ranges and named ranges', () => {
    expect(parseTrustProxy('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1,fd00::/8')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
    ]);
    expect(parseTrustProxy('loopback,uniquelocal')).toEqual(['loopback', 'uniquelocal']);
  });

  it('refuses a hop count or true, saying to name the proxy instead', () => {
    for (const value of ['1', ' 2 ', 'true']) {
      expect(() => parseTrustProxy(value), value).toThrow(
        expect.objectContaining({ code: 'bad_request', field: '--trust-proxy' }),
      );
      expect(() => parseTrustProxy(value)).toThrow(/name the proxy's address, not a hop count/);
    }
  });

  it('refuses anything else, naming the option', () => {
    for (const value of ['', ',', 'yes', '10.0.0.0/33', '300.1.1.1', '1.2.3.4/8/9', '10.0.0.0/x', 'nginx']) {
      expect(() => parseTrustProxy(value), value).toThrow(
        expect.objectContaining({ code: 'bad_request', field: '--trust-proxy' }),
      );
    }
  });
});
