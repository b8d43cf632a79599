import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/auth.models.ts';
import { mayReadPaper } from './meetings.papers.ts';

const actor = (userId: number, clearance: Actor['clearance']): Actor => ({
  userId,
  username: `u${userId}`,
  displayName: `u${userId}`,
  roles: [],
  permissions: new Set(),
  clearance,
  scopeCommitteeId: 1,
  scopeAgencyId: null,
  sessionId: null,
});
const meeting = { created_by: 1 };
const open = { secrecy: 'none', restricted: 0, created_by: 2 };
const lan = { invited: true, listedReader: false, profile: 'isolated-lan' };

/** Who reads a meeting paper (issue 6 §3): deny unless allowed. */
describe('mayReadPaper', () => {
  it('lets every invitee read an open paper, nobody else but the organiser and the uploader', () => {
    expect(mayReadPaper(actor(5, 'none'), meeting, open, lan)).toBe(true);
    expect(mayReadPaper(actor(5, 'top_secret'), meeting, open, { ...lan, invited: false })).toBe(false);
    expect(mayReadPaper(actor(1, 'none'), meeting, open, { ...lan, invited: false })).toBe(true);
    expect(mayReadPaper(actor(2, 'none'), meeting, open, { ...lan, invited: false })).toBe(true);
  });

  it('keeps a restricted paper to its listed readers', () => {
    const restricted = { ...open, restricted: 1 };
    expect(mayReadPaper(actor(5, 'none'), meeting, restricted, lan)).toBe(false);
    expect(mayReadPaper(actor(5, 'none'), meeting, restricted, { ...lan, listedReader: true })).toBe(true);
  });

  it('needs a clearance reaching the secrecy (organiser too), and serves secret papers on the isolated LAN only', () => {
    const secret = { ...open, secrecy: 'secret' };
    expect(mayReadPaper(actor(5, 'confidential'), meeting, secret, lan)).toBe(false);
    expect(mayReadPaper(actor(5, 'secret'), meeting, secret, lan)).toBe(true);
    expect(mayReadPaper(actor(1, 'confidential'), meeting, secret, { ...lan, invited: false })).toBe(false);
    expect(mayReadPaper(actor(2, 'confidential'), meeting, secret, lan)).toBe(true);
    for (const profile of ['party-wan', 'internet']) {
      expect(mayReadPaper(actor(5, 'top_secret'), meeting, secret, { ...lan, profile })).toBe(false);
      expect(mayReadPaper(actor(2, 'top_secret'), meeting, secret, { ...lan, profile })).toBe(false);
    }
  });
});
