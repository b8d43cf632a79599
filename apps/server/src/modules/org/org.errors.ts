import { AppError } from '../../platform/errors.ts';
import type { FieldProblem, TermConflict } from './org.models.ts';

const field = (path: string, message: string) => [{ path, message }];

/** Missing and invisible records answer the same 404 (docs/API.md: never reveal that a record exists). */
const notFound = (what: string) => () =>
  new AppError({ code: `org.${what}_not_found`, status: 404, message: `${what} not found` });

const TERM_CONFLICT_MESSAGES: Record<TermConflict['kind'], string> = {
  ordinal_taken: 'This committee already has a term with this ordinal',
  overlap: 'The dates overlap another term of this committee',
  out_of_order: 'Terms must follow each other in the order of their ordinals',
};

export const orgErrors = {
  committeeNotFound: notFound('committee'),
  termNotFound: notFound('term'),
  agencyNotFound: notFound('agency'),
  positionNotFound: notFound('position'),
  personNotFound: notFound('person'),
  /** A referenced record is missing or outside the caller's sight (both look the same). */
  unknownReference: (path: string) =>
    new AppError({
      code: 'org.unknown_reference',
      status: 400,
      message: 'Referenced record does not exist',
      details: field(path, 'not found'),
    }),
  outOfScope: (path: string) =>
    new AppError({
      code: 'org.out_of_scope',
      status: 403,
      message: 'Outside your scope',
      details: field(path, 'out of scope'),
    }),
  cycle: () =>
    new AppError({
      code: 'org.cycle',
      status: 409,
      message: 'A committee cannot be its own ancestor',
      details: field('parentId', 'cycle'),
    }),
  levelOrder: (path: string) =>
    new AppError({
      code: 'org.level_order',
      status: 400,
      message: 'A committee must sit at a lower level than its parent',
      details: field(path, 'level order'),
    }),
  invalidTerm: (problems: FieldProblem[]) =>
    new AppError({
      code: 'org.invalid_term',
      status: 400,
      message: 'The term dates are not consistent',
      details: problems,
    }),
  termConflict: (c: TermConflict) =>
    new AppError({
      code: `org.term_${c.kind}`,
      status: 409,
      message: TERM_CONFLICT_MESSAGES[c.kind],
      details: [
        {
          path: c.kind === 'ordinal_taken' ? 'ordinal' : 'startsOn',
          message: c.kind,
          termId: c.term.id,
          ordinal: c.term.ordinal,
        },
      ],
    }),
  abbreviationTaken: () =>
    new AppError({
      code: 'org.abbreviation_taken',
      status: 409,
      message: 'This committee already has an agency with this abbreviation',
      details: field('abbreviation', 'taken'),
    }),
  agencyHasPeople: () =>
    new AppError({
      code: 'org.agency_has_people',
      status: 409,
      message: 'An agency with people cannot move to another committee',
      details: field('committeeId', 'agency has people'),
    }),
  positionNameTaken: () =>
    new AppError({
      code: 'org.position_name_taken',
      status: 409,
      message: 'A position with this name exists',
      details: field('name', 'taken'),
    }),
  agencyNotInCommittee: () =>
    new AppError({
      code: 'org.agency_not_in_committee',
      status: 400,
      message: 'The agency belongs to another committee',
      details: field('agencyId', 'not in committee'),
    }),
  positionsNeedTopScope: () =>
    new AppError({
      code: 'org.out_of_scope',
      status: 403,
      message: 'Positions are shared by every committee: only a whole-tree scope changes them',
    }),
};
