import { Loading } from '../components/status.tsx';
import { LinkProblem } from './link-problem.tsx';
import { ResidentFlow } from './resident-flow.tsx';
import { ResidentFrame } from './resident-frame.tsx';
import { useOutboxSender } from './use-outbox-sender.ts';
import { useCachedPublic, useResidentLink } from './use-resident-data.ts';

/**
 * `/r/<code>`: a resident opens a link from a poster or QR code, without an account. Works offline
 * after the first visit; submissions wait in the phone's outbox until there is a network.
 */
export function ResidentApp({ code }: { code: string }) {
  useOutboxSender();
  const link = useResidentLink(code);
  const taxonomy = useCachedPublic('taxonomy');
  const quarters = useCachedPublic('quarters');
  const config = useCachedPublic('config');

  if (link.status === 'unknown' || link.status === 'closed') {
    return (
      <ResidentFrame>
        <LinkProblem problem={{ kind: link.status }} code={code} />
      </ResidentFrame>
    );
  }
  const failed = [link, taxonomy, quarters].find((item) => item.status === 'error');
  if (failed?.status === 'error') {
    const retry = () => {
      for (const item of [link, taxonomy, quarters]) if (item.status === 'error') item.retry();
    };
    return (
      <ResidentFrame>
        <LinkProblem problem={{ kind: 'offline', error: failed.error, retry }} code={code} />
      </ResidentFrame>
    );
  }
  if (link.status !== 'ready' || taxonomy.status !== 'ready' || quarters.status !== 'ready') {
    return (
      <ResidentFrame>
        <Loading />
      </ResidentFrame>
    );
  }
  return (
    <ResidentFrame>
      <ResidentFlow
        link={link.link}
        taxonomy={taxonomy.data}
        quarters={quarters.data}
        basemapStyleUrl={config.status === 'ready' ? config.data.basemap.styleUrl : null}
      />
    </ResidentFrame>
  );
}
