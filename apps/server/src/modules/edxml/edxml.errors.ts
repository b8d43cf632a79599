import type { EdxmlError } from './edxml.models.ts';

/** At most this many errors are listed: enough to fix a package, bounded against hostile input. */
export const MAX_ERRORS = 100;

/**
 * The errors found in a packet, one per element: the first error on a path wins, and nothing is
 * reported below a path already refused (a missing <From> is one error, not one per field).
 * Lookups go through the set of reported paths, so a package with a million faulty elements costs
 * linear time, and the list stops at MAX_ERRORS.
 */
export class ErrorList {
  readonly errors: EdxmlError[] = [];
  private readonly paths = new Set<string>();

  private covered(path: string): boolean {
    let i = path.length;
    while (i > 0) {
      if (this.paths.has(path.slice(0, i))) {
        return true;
      }
      i = path.lastIndexOf('/', i - 1);
    }
    return false;
  }

  add(path: string, message: string): void {
    this.push({ element: path, message: `${path}: ${message}` });
  }

  push(e: EdxmlError): void {
    if (this.errors.length >= MAX_ERRORS || this.covered(e.element)) {
      return;
    }
    this.paths.add(e.element);
    this.errors.push(e);
  }
}
