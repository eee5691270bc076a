// @vitest-environment jsdom
import type { PosterLanguage, ResidentLink } from '@quartiersatlas/domain';
import { cleanup, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderLive } from '../report/render-live.tsx';
import { Poster, posterSize } from './poster.tsx';
import { qrPath } from './qr-code.tsx';

function link(languages: PosterLanguage[]): ResidentLink {
  return {
    id: '0196f3a2-0000-7000-8000-0000000000c1',
    code: 'k3m9x2p7qa',
    path: '/r/k3m9x2p7qa',
    title: 'Aushang Bürgerhaus Eving',
    quarterId: 'eving',
    sessionId: null,
    languages,
    createdBy: 'someone',
    createdAt: '2025-05-02T09:00:00.000Z',
    revokedAt: null,
    submissions: 0,
  };
}

afterEach(cleanup);

describe('poster', () => {
  it('has the invitation, the steps and the privacy line in every chosen language, each with its lang and dir', () => {
    const view = renderLive('de', <Poster link={link(['ar', 'de', 'tr'])} quarterName="Eving" />);
    const titles = [...view.container.querySelectorAll('.poster-sheet__title')];
    // German first (the language list's order), whatever order the link lists them in.
    expect(titles.map((title) => [title.getAttribute('lang'), title.getAttribute('dir')])).toEqual([
      ['de', 'ltr'],
      ['tr', 'ltr'],
      ['ar', 'rtl'],
    ]);
    expect(titles.map((title) => title.textContent)).toEqual([
      'Was fehlt in Ihrem Quartier? Sagen Sie es uns!',
      'Mahallenizde ne eksik? Bize söyleyin!',
      'ما الذي ينقص في حيّك؟ أخبرنا!',
    ]);
    const steps = [...view.container.querySelectorAll('.poster-step')];
    expect(steps).toHaveLength(3);
    expect(
      within(steps[2] as HTMLElement)
        .getByText('أرسل')
        .getAttribute('dir'),
    ).toBe('rtl');
    const privacy = [...view.container.querySelectorAll('.poster-sheet__privacy li')];
    expect(privacy.map((line) => line.getAttribute('lang'))).toEqual(['de', 'tr', 'ar']);
    expect(privacy[0]?.textContent).toContain('Kein Konto, kein Name nötig.');
    expect(privacy[2]?.getAttribute('dir')).toBe('rtl');
    // The address under the code, the quarter and the link's title small.
    expect(view.getByText(`${window.location.host}/r/k3m9x2p7qa`)).toBeTruthy();
    expect(view.getByText('Eving')).toBeTruthy();
    expect(view.getByText('Aushang Bürgerhaus Eving')).toBeTruthy();
    expect(view.getByRole('img', { name: /QR-Code/ })).toBeTruthy();
  });

  it('prints all eight languages on the small layout', () => {
    const all: PosterLanguage[] = ['de', 'en', 'tr', 'ar', 'bg', 'ro', 'pl', 'uk'];
    const view = renderLive('en', <Poster link={link(all)} quarterName="Marten" />);
    const sheet = view.container.querySelector('.poster-sheet') as HTMLElement;
    expect(sheet.dataset.size).toBe('small');
    const titles = [...view.container.querySelectorAll('.poster-sheet__title')];
    expect(titles.map((title) => title.getAttribute('lang'))).toEqual(all);
    expect(new Set(titles.map((title) => title.textContent)).size).toBe(8);
    expect(posterSize(3)).toBe('large');
    expect(posterSize(5)).toBe('medium');
  });

  it('draws a QR code that grows with the address and keeps its finder patterns', () => {
    const short = qrPath('http://localhost/r/k3m9x2p7qa');
    const long = qrPath(`https://quartiersatlas.dortmund.example/r/k3m9x2p7qa?${'x'.repeat(80)}`);
    expect(short.size).toBeGreaterThanOrEqual(21);
    expect(long.size).toBeGreaterThan(short.size);
    // The top-left finder pattern: a dark 7 × 7 ring starting at the corner.
    expect(short.path.startsWith('M0 0h1v1h-1zM1 0h1v1h-1z')).toBe(true);
  });
});
