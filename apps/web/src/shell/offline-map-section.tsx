import { bboxOf, type Geometry } from '@quartiersatlas/domain';
import type { QuarterFeature } from '../api/endpoints.ts';
import { OfflineMapDownload } from '../map/index.ts';

/** "Download this quarter for offline use", for the quarter on screen. */
export function OfflineMapSection({ quarter, styleUrl }: { quarter: QuarterFeature; styleUrl: string }) {
  if (!quarter.geometry) return null;
  return <OfflineMapDownload quarterId={quarter.id} bbox={bboxOf(quarter.geometry as Geometry)} styleUrl={styleUrl} />;
}
