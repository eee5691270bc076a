import { describe, expect, it } from 'vitest';
import { publicRoute } from './public-routes.ts';

describe('public pages by address', () => {
  it('opens a resident link by its code', () => {
    expect(publicRoute('/r/k7qm4xpt9b')).toEqual({ page: 'resident', code: 'k7qm4xpt9b' });
    expect(publicRoute('/r/k7qm4xpt9b/')).toEqual({ page: 'resident', code: 'k7qm4xpt9b' });
  });

  it('leaves malformed link codes to the app, which shows its own start', () => {
    expect(publicRoute('/r/')).toBeNull();
    expect(publicRoute('/r/<script>')).toBeNull();
    expect(publicRoute('/r/K7QM4XPT9B')).toBeNull();
    expect(publicRoute('/r/k7qm4xpt9b/extra')).toBeNull();
  });

  it('opens the privacy notice and the receipt page, with a typed receipt code normalised', () => {
    expect(publicRoute('/privacy')).toEqual({ page: 'privacy' });
    expect(publicRoute('/receipt')).toEqual({ page: 'receipt', receipt: null });
    expect(publicRoute('/receipt/7kqm-4xpt-9brc')).toEqual({ page: 'receipt', receipt: '7KQM4XPT9BRC' });
    expect(publicRoute('/receipt/nonsense')).toEqual({ page: 'receipt', receipt: null });
  });

  it('shows the app everywhere else', () => {
    expect(publicRoute('/')).toBeNull();
    expect(publicRoute('/index.html')).toBeNull();
  });
});
