import type { Account, Taxonomy } from '@quartiersatlas/domain';
import type { QuarterCollection } from './api/endpoints.ts';

/** What the planner workspace views (analysis, review, data, overview report) receive from the shell. */
export interface WorkspaceProps {
  account: Account;
  quarters: QuarterCollection;
  taxonomy: Taxonomy;
  /** The quarter chosen in the top bar. */
  quarterId: string | undefined;
  basemapStyleUrl: string | null;
}
