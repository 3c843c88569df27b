import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDocuments } from '../../../../main/headless/startHeadless';
import { emptyIntents } from '../../../../shared/intents';
import { FakeClock } from '../../../fakes/fakeClock';
import { tempDir } from '../../../fakes/serviceHarness';
import { at, settingsIn } from '../../shared/domainFixtures';

const ZONE = 'Asia/Kolkata';
const read = (dir: string, name: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Record<string, unknown>;

describe('a data folder opened', () => {
  it('for the first time keeps today as the day Cadence first ran', () => {
    const dir = tempDir();
    openDocuments(dir, new FakeClock(at('2026-11-29T03:00', ZONE), ZONE));
    expect(read(dir, 'intents').firstDay).toBe('2026-11-29');
  });

  it('from before these were kept writes them once: the earliest recorded day, the locale’s week', () => {
    const dir = tempDir();
    const { weekStart: _, ...settings } = settingsIn(ZONE, { locale: 'en-US' });
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings));
    fs.writeFileSync(
      path.join(dir, 'intents.json'),
      JSON.stringify({
        ...emptyIntents(),
        focus: [{ id: 'a', startAt: '2026-11-26T05:00:00.000Z', plannedMinutes: 60 }],
      }),
    );
    const documents = openDocuments(dir, new FakeClock(at('2026-11-29T03:00', ZONE), ZONE));
    expect(documents.settings.problems).toEqual([]);
    expect(documents.intents.problems).toEqual([]);
    expect(read(dir, 'settings').weekStart).toBe(7);
    expect(read(dir, 'intents').firstDay).toBe('2026-11-26');
  });
});
