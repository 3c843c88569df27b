import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ProviderId } from '../../shared/integrationView';
import { writeFileAtomically } from '../base/atomicFile';

/** What a person enters in Settings → Integrations: their own app's client id (and Google's secret). */
export const clientSettingSchema = z.object({
  clientId: z.string().trim().min(1).max(200),
  clientSecret: z.string().trim().min(1).max(200).optional(),
});
export type ClientSetting = z.infer<typeof clientSettingSchema>;

const fileSchema = z.partialRecord(z.enum(['slack', 'google', 'microsoft']), clientSettingSchema);

export interface ClientSettings {
  get(id: ProviderId): ClientSetting | null;
  set(id: ProviderId, setting: ClientSetting): void;
}

/** Kept in `integrations.json` in the data folder, readable by the user alone; never sent to the window. */
export class ClientSettingsFile implements ClientSettings {
  private readonly file: string;

  constructor(directory: string) {
    this.file = path.join(directory, 'integrations.json');
  }

  private read(): z.infer<typeof fileSchema> {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  get(id: ProviderId): ClientSetting | null {
    return this.read()[id] ?? null;
  }

  set(id: ProviderId, setting: ClientSetting): void {
    writeFileAtomically(this.file, JSON.stringify({ ...this.read(), [id]: setting }), 0o600);
  }
}
