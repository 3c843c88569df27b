import path from 'node:path';
import {
  type ContactState,
  contactSchema,
  contactStateSchema,
  EMPTY_CONTACTS,
} from '../../shared/contacts/contactState';
import { ContactRecorder, type ContactRecorderOptions } from './contactRecorder';
import { DocumentStore, type Parsed } from './documentStore';
import type { Clock, DocumentBackend } from './ports';

/** contacts.json as read back: the record, or an empty one (the unreadable file set aside) when it cannot be used. */
export function parseContactState(raw: unknown): Parsed<ContactState> {
  if (raw === undefined) return { value: EMPTY_CONTACTS, problems: [] };
  const parsed = contactStateSchema.safeParse(raw);
  if (parsed.success) return { value: parsed.data, problems: [] };
  // One contact Cadence cannot use costs that contact, not the record: the rest, and the marks, are kept.
  const contacts = (raw as { contacts?: unknown }).contacts;
  if (Array.isArray(contacts)) {
    const usable = contacts.filter((c) => contactSchema.safeParse(c).success);
    const again = contactStateSchema.safeParse({ ...(raw as object), contacts: usable });
    if (again.success)
      return {
        value: again.data,
        problems: [
          `${contacts.length - usable.length} contact${contacts.length - usable.length === 1 ? '' : 's'} in the record could not be read and ${contacts.length - usable.length === 1 ? 'was' : 'were'} left out`,
        ],
      };
  }
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
