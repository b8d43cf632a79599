import { incomingSearchSource } from '../incoming/incoming.search-source.ts';
import { outgoingSearchSource } from '../outgoing/outgoing.search-source.ts';
import { taskSearchSource } from '../tasks/tasks.search-source.ts';
import type { SearchSource } from './search.sources.ts';

/**
 * Every module the search covers. A module plugs in by adding its source here (letters, archives… later);
 * the list is static so that indexing works the same in the server, the worker and the CLI.
 */
const SOURCES: readonly SearchSource[] = [incomingSearchSource, outgoingSearchSource, taskSearchSource];

export const searchSources = (): readonly SearchSource[] => SOURCES;
export const searchSource = (kind: string): SearchSource | undefined => SOURCES.find((s) => s.kind === kind);
