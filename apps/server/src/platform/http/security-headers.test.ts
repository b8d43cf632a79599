import { describe, expect, it } from 'vitest';
import { computeSecurityHeaders } from './security-headers.ts';

describe('security headers computed once', () => {
  it('carry helmet\'s defaults and our Content-Security-Policy', () => {
    const h = computeSecurityHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] } }, hsts: false });
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['content-security-policy']).toContain("default-src 'self'");
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['x-frame-options']).toBe('SAMEORIGIN');
    expect(h['strict-transport-security']).toBeUndefined();
  });

  it('add HSTS only when the deployment runs behind TLS', () => {
    expect(computeSecurityHeaders({ hsts: true })['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});
