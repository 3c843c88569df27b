import { type ApiResult, commandInput, refusal } from '../../shared/contract';
import type { ContactsPort } from './servicePorts';

const NO_RECORD = 'This Cadence keeps no record of contacts.';

/** `contacts.delete`: the contacts named by their keys, or the whole record when none are named. */
export function deleteContacts(
  contacts: ContactsPort | null,
  input: unknown,
): ApiResult<{ deleted: number }> {
  const parsed = commandInput('contacts.delete', input);
  if (!parsed.ok) return parsed;
  if (!contacts) return refusal('not_available', NO_RECORD);
  return { ok: true, value: { deleted: contacts.delete(parsed.value.keys ?? null) } };
}

/** `contacts.mark`: one contact marked "Urgent — I'm on it", or the mark taken back. */
export function markContact(contacts: ContactsPort | null, input: unknown): ApiResult<{ marked: boolean }> {
  const parsed = commandInput('contacts.mark', input);
  if (!parsed.ok) return parsed;
  if (!contacts) return refusal('not_available', NO_RECORD);
  if (!contacts.mark(parsed.value.key, parsed.value.onIt))
    return refusal('not_found', 'That contact is not in the record (deleted, or older than a year).');
  return { ok: true, value: { marked: parsed.value.onIt } };
}
