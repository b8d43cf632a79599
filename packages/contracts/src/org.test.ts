import { describe, expect, it } from 'vitest';
import {
  agencyPatch,
  committeeListQuery,
  committeePatch,
  personListQuery,
  personPatch,
  positionPatch,
  termPatch,
} from './org.ts';

describe('organisation patches', () => {
  it('a patch carries only the fields it names: no default sneaks in to reset the others', () => {
    expect(committeePatch.parse({ name: 'Đảng ủy xã Tân Phú' })).toEqual({ name: 'Đảng ủy xã Tân Phú' });
    expect(termPatch.parse({ label: 'Khóa XVII' })).toEqual({ label: 'Khóa XVII' });
    expect(agencyPatch.parse({ name: 'Văn phòng' })).toEqual({ name: 'Văn phòng' });
    expect(positionPatch.parse({ rank: 3 })).toEqual({ rank: 3 });
    expect(personPatch.parse({ phone: '0912345678' })).toEqual({ phone: '0912345678' });
  });

  it('patches refuse unknown fields', () => {
    expect(committeePatch.safeParse({ colour: 'đỏ' }).success).toBe(false);
    expect(termPatch.safeParse({ committeeId: 2 }).success).toBe(false);
  });

  it('list queries read their numbers and flags from the query string', () => {
    expect(committeeListQuery.parse({})).toEqual({ includeInactive: false });
    expect(committeeListQuery.parse({ includeInactive: 'true' })).toEqual({ includeInactive: true });
    expect(personListQuery.parse({ committeeId: '3', limit: '20' })).toEqual({
      committeeId: 3,
      limit: 20,
      offset: 0,
    });
  });
});
