import { describe, expect, it } from 'vitest';
import { deviceName } from './auth.ts';

describe('deviceName', () => {
  it('names the platform and the day, so a team can tell its devices apart', () => {
    expect(deviceName('Android', new Date('2025-05-14T09:30:00Z'))).toBe('Browser Android 2025-05-14');
  });

  it('leaves the platform out when the browser does not say', () => {
    expect(deviceName(undefined, new Date('2025-05-14T09:30:00Z'))).toBe('Browser 2025-05-14');
    expect(deviceName('  ', new Date('2025-05-14T09:30:00Z'))).toBe('Browser 2025-05-14');
  });

  it('stays within the 120 characters the API accepts', () => {
    expect(deviceName('x'.repeat(500), new Date()).length).toBeLessThanOrEqual(120);
  });
});
