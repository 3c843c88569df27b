import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { PROVIDER_IDS, PROVIDER_NAMES, type ProviderId } from '../../shared/integrationView';
import { writeFileAtomically } from '../base/atomicFile';
import { readBoundedFile } from '../base/boundedFile';

/** What a person enters in Settings → Integrations: their own app's client id (and Google's secret). */
export const clientSettingSchema = z.object({
  clientId: z.string().trim().min(1).max(200),
  clientSecret: z.string().trim().min(1).max(200).optional(),
});
export type ClientSetting = z.infer<typeof clientSettingSchema>;

export interface ClientSettings {
  get(id: ProviderId): ClientSetting | null;
  set(id: ProviderId, setting: ClientSetting): void;
  /** Forgets a service's entry; the others stay as they are. */
  remove(id: ProviderId): void;
  /** What in the stored client ids could not be used, in words, for `status`. */
  problems?(): string[];
}

/** Three client ids and a secret fit many times over; more is not a file Cadence wrote. */
export const INTEGRATIONS_MAX_BYTES = 64 * 1024;

interface Loaded {
  /** Each service's entry that is valid. */
  valid: Partial<Record<ProviderId, ClientSetting>>;
  /** The file as it is, every entry kept (a bad one, one of a newer Cadence), written back untouched. */
  raw: Record<string, unknown>;
  /** One line per entry that is not used. */
  bad: string[];
  /** Why the whole file could not be read, if it could not. */
  unreadable: string | null;
}

const EMPTY: Loaded = { valid: {}, raw: {}, bad: [], unreadable: null };

/**
 * Kept in `integrations.json` in the data folder, readable by the user alone; never sent to the window.
 * Each service's entry stands alone: a bad one is named and ignored, the others still work, and a save
 * changes only its own entry. A file that cannot be read at all is never written over: the save first
 * moves it aside as `integrations.json.unreadable-<time>` (as the token vault does), so what it held is
 * kept for the user, and saving a client id still works.
 */
export class ClientSettingsFile implements ClientSettings {
  private readonly file: string;
  /** Said once a file that could not be read was moved aside, for the rest of this run. */
  private movedAside: string | null = null;

  constructor(directory: string) {
    this.file = path.join(directory, 'integrations.json');
  }

  private load(): Loaded {
    const read = readBoundedFile(this.file, { maxBytes: INTEGRATIONS_MAX_BYTES });
    if (read.kind === 'missing') return EMPTY;
    if (read.kind === 'refused') return { ...EMPTY, unreadable: read.reason };
    let raw: unknown;
    try {
      raw = JSON.parse(read.text);
    } catch (error) {
      return { ...EMPTY, unreadable: `it is not valid JSON (${(error as Error).message})` };
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      return { ...EMPTY, unreadable: 'it does not hold one entry per service' };
    const entries = raw as Record<string, unknown>;
    const loaded: Loaded = { valid: {}, raw: entries, bad: [], unreadable: null };
    for (const id of PROVIDER_IDS) {
      if (!Object.hasOwn(entries, id)) continue;
      const parsed = clientSettingSchema.safeParse(entries[id]);
      if (parsed.success) loaded.valid[id] = parsed.data;
      else loaded.bad.push(badEntry(this.file, id, parsed.error.issues[0]));
    }
    return loaded;
  }

  get(id: ProviderId): ClientSetting | null {
    return this.load().valid[id] ?? null;
  }

  set(id: ProviderId, setting: ClientSetting): void {
    const loaded = this.load();
    if (loaded.unreadable !== null) {
      const aside = `${this.file}.unreadable-${Date.now()}`;
      fs.renameSync(this.file, aside);
      this.movedAside = `${this.file} could not be read (${loaded.unreadable}); it was kept as ${aside}, and the client ids saved since are in a new ${path.basename(this.file)}.`;
    }
    writeFileAtomically(this.file, JSON.stringify({ ...loaded.raw, [id]: setting }), 0o600);
  }

  remove(id: ProviderId): void {
    const loaded = this.load();
    // A file that cannot be read holds no entry Cadence uses: it is left for the user, as it is.
    if (loaded.unreadable !== null || !Object.hasOwn(loaded.raw, id)) return;
    const rest = Object.fromEntries(Object.entries(loaded.raw).filter(([key]) => key !== id));
    writeFileAtomically(this.file, JSON.stringify(rest), 0o600);
  }

  problems(): string[] {
    const loaded = this.load();
    const unreadable =
      loaded.unreadable === null
        ? []
        : [
            `${this.file} could not be read (${loaded.unreadable}): the client ids in it are not used. It is kept; saving a client id moves it aside and starts a new one.`,
          ];
    return [...(this.movedAside ? [this.movedAside] : []), ...unreadable, ...loaded.bad];
  }
}

function badEntry(file: string, id: ProviderId, issue: z.core.$ZodIssue | undefined): string {
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return `${file}: the ${PROVIDER_NAMES[id]} entry is not used (${where}${issue?.message ?? 'not valid'}). Enter its client id again in Settings → Integrations or with cadence configure ${id}; the other services are not affected.`;
}
