import path from 'node:path';
import { type ContactState, contactStateSchema, EMPTY_CONTACTS } from '../../shared/contacts/contactState';
import { ContactRecorder, type ContactRecorderOptions } from './contactRecorder';
import { DocumentStore, type Parsed } from './documentStore';
import type { Clock, DocumentBackend } from './ports';

/** contacts.json as read back: the record, or an empty one (the unreadable file set aside) when it cannot be used. */
export function parseContactState(raw: unknown): Parsed<ContactState> {
  if (raw === undefined) return { value: EMPTY_CONTACTS, problems: [] };
  const parsed = contactStateSchema.safeParse(raw);
  if (parsed.success) return { value: parsed.data, problems: [] };
  return { value: EMPTY_CONTACTS, problems: ['the record of contacts could not be read; it starts again'] };
}

/** The record of contacts of a data folder, kept in contacts.json (owner-only, like every document). */
export function openContactRecorder(
  dataDir: string,
  clock: Clock,
  open: (directory: string, name: string) => DocumentBackend,
  parts: Omit<ContactRecorderOptions, 'clock' | 'store'>,
): { recorder: ContactRecorder; problems: string[] } {
  const store = new DocumentStore<ContactState>({
    file: path.join(dataDir, 'contacts.json'),
    label: 'record of contacts',
    parse: parseContactState,
    open: () => open(dataDir, 'contacts'),
    now: () => clock.now(),
  });
  return { recorder: new ContactRecorder({ clock, store, ...parts }), problems: store.problems };
}
