import { parseArgs } from 'node:util';
import type { ApiResult } from '../../shared/contract';
import type { DayPlanView, StatusView } from '../../shared/statusView';
import { resolveDataDir } from '../server/connectionFile';
import { ApiClient, NotRunningError } from './apiClient';
import { describePlan, describeStatus } from './describe';

const USAGE = `Usage: cadence <command> [options]

  status [--json]                      what you are now, and until when
  focus [MINUTES | until HH:MM]        start a focus block (default length from settings)
  focus stop | focus extend MINUTES
  lunch [start [MINUTES] | snooze MINUTES | skip | done]
  shutdown [--note TEXT] [--carry TEXT] [--priority TEXT]...   close the day
  shutdown snooze MINUTES
  plan [--date YYYY-MM-DD] [--json]    the day's timeline
  teammates [--json] | teammates add NAME ZONE [EMAIL] | teammates remove ID
  notify TITLE [BODY] [--urgent] [--from NAME]   send a notification through Cadence's gate
  connect slack|google|microsoft       sign in to a service (opens your browser)
  disconnect slack|google|microsoft    forget a service's sign-in
  integrations [--json]                each service's health
  serve [--port N]                     run Cadence headless and serve the window locally

Options: --data-dir DIR (or CADENCE_DATA_DIR) chooses where data lives.`;

class UsageError extends Error {}

function positiveMinutes(text: string | undefined, what: string): number {
  const value = Number(text);
  if (!text || !Number.isInteger(value) || value < 1)
    throw new UsageError(`${what} needs a whole number of minutes, e.g. 25.`);
  return value;
}

function commandFor(
  words: string[],
  values: Record<string, unknown>,
): { name: string; input: Record<string, unknown> } {
  const [verb, ...rest] = words;
  switch (verb) {
    case 'focus': {
      const [first, second] = rest;
      if (first === undefined) return { name: 'focus.start', input: {} };
      if (first === 'stop') return { name: 'focus.stop', input: {} };
      if (first === 'extend')
        return { name: 'focus.extend', input: { minutes: positiveMinutes(second, 'focus extend') } };
      if (first === 'until') {
        if (!second || !/^\d{1,2}:\d{2}$/.test(second))
          throw new UsageError('focus until needs a time like 16:30.');
        return { name: 'focus.start', input: { until: second.padStart(5, '0') } };
      }
      return { name: 'focus.start', input: { minutes: positiveMinutes(first, 'focus') } };
    }
    case 'lunch': {
      const [action = 'start', amount] = rest;
      if (action === 'start')
        return {
          name: 'lunch.start',
          input: amount ? { minutes: positiveMinutes(amount, 'lunch start') } : {},
        };
      if (action === 'snooze')
        return { name: 'lunch.snooze', input: { minutes: positiveMinutes(amount, 'lunch snooze') } };
      if (action === 'skip' || action === 'done') return { name: `lunch.${action}`, input: {} };
      throw new UsageError(`Unknown lunch action "${action}": use start, snooze, skip or done.`);
    }
    case 'shutdown': {
      if (rest[0] === 'snooze')
        return { name: 'shutdown.snooze', input: { minutes: positiveMinutes(rest[1], 'shutdown snooze') } };
      const priorities = (values.priority as string[] | undefined) ?? [];
      return {
        name: 'shutdown.complete',
        input: {
          done: (values.note as string | undefined) ?? '',
          carryOver: (values.carry as string | undefined) ?? '',
          priorities,
        },
      };
    }
    case 'teammates': {
      if (rest[0] === 'add') {
        if (!rest[1] || !rest[2])
          throw new UsageError(
            'teammates add needs a name and a time zone, e.g. teammates add Ana Europe/Lisbon',
          );
        return {
          name: 'teammates.add',
          input: { name: rest[1], timeZone: rest[2], ...(rest[3] ? { email: rest[3] } : {}) },
        };
      }
      if (rest[0] === 'remove') return { name: 'teammates.remove', input: { id: rest[1] ?? '' } };
      break;
    }
    case 'connect':
    case 'disconnect':
      if (!rest[0] || !['slack', 'google', 'microsoft'].includes(rest[0]))
        throw new UsageError(`${verb} needs slack, google or microsoft.`);
      return { name: `integration.${verb}`, input: { provider: rest[0] } };
    case 'notify':
      if (!rest[0]) throw new UsageError('notify needs a title.');
      return {
        name: 'notify',
        input: {
          title: rest[0],
          body: rest[1] ?? '',
          ...(values.urgent ? { urgent: true } : {}),
          ...(values.from ? { from: values.from } : {}),
        },
      };
  }
  throw new UsageError(`Unknown command "${words.join(' ')}".`);
}

function report(result: ApiResult<unknown>): number {
  if (result.ok) return 0;
  console.error(result.message);
  for (const issue of result.issues ?? []) console.error(`  ${issue.path || 'input'}: ${issue.message}`);
  return result.error === 'invalid_input' || result.error === 'invalid_settings' ? 2 : 1;
}

function describeOutcome(name: string, value: unknown): string {
  const v = (value ?? {}) as Record<string, string | null | undefined>;
  // The service writes instants with the working zone's offset, so their wall time is the one to show.
  const at = (iso: string | null | undefined): string => (iso ? iso.slice(11, 16) : '');
  switch (name) {
    case 'focus.start':
      return `Focusing until ${at(v.endsAt)}.`;
    case 'focus.extend':
      return `Focus extended until ${at(v.endsAt)}.`;
    case 'focus.stop':
      return `Focus stopped after ${String(v.focusedMinutes)} min.`;
    case 'lunch.start':
      return `Enjoy lunch; back at ${at(v.until)}.`;
    case 'shutdown.complete':
      return v.offUntil ? `Day closed. You are off until ${v.offUntil}.` : 'Day closed.';
    case 'integration.connect':
      return `Open this address to sign in (Cadence finishes by itself once you approve):\n${String(v.authorizeUrl)}`;
    case 'integration.disconnect':
      return 'Disconnected; the sign-in was forgotten.';
    case 'notify':
      return v.action === 'hold'
        ? `Held until ${String(v.until)} (${String(v.why)}).`
        : `${String(v.action)}: ${String(v.why)}.`;
    default:
      return 'Done.';
  }
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        'data-dir': { type: 'string' },
        date: { type: 'string' },
        note: { type: 'string' },
        carry: { type: 'string' },
        priority: { type: 'string', multiple: true },
        port: { type: 'string' },
        urgent: { type: 'boolean' },
        from: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const verb = positionals[0] ?? 'status';
  if (values.help || verb === 'help') {
    console.log(USAGE);
    return 0;
  }
  const dataDir = resolveDataDir(values['data-dir']);
  if (verb === 'serve') {
    const { serve } = await import('../headless/serve');
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
      console.error('--port needs a port number between 0 and 65535.');
      return 2;
    }
    return serve({ dataDir, ...(port !== undefined ? { port } : {}) });
  }
  try {
    const client = ApiClient.open(dataDir);
    if (verb === 'status') {
      const result = await client.call<StatusView>('query', 'status');
      if (!result.ok) return report(result);
      console.log(values.json ? JSON.stringify(result.value, null, 2) : describeStatus(result.value));
      return 0;
    }
    if (verb === 'plan') {
      if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
        throw new UsageError('--date needs a date like 2026-03-09.');
      const result = await client.call<DayPlanView>(
        'query',
        'plan',
        values.date ? { date: values.date } : {},
      );
      if (!result.ok) return report(result);
      console.log(values.json ? JSON.stringify(result.value, null, 2) : describePlan(result.value));
      return 0;
    }
    if (verb === 'teammates' && positionals.length === 1) {
      const result = await client.call<
        { name: string; localTime: string; state: string; timeZone: string; id: string }[]
      >('query', 'teammates');
      if (!result.ok) return report(result);
      if (values.json) console.log(JSON.stringify(result.value, null, 2));
      else
        for (const t of result.value)
          console.log(`${t.localTime}  ${t.name} (${t.timeZone}) — ${t.state}  [${t.id}]`);
      if (!values.json && !result.value.length)
        console.log('No teammates yet: cadence teammates add NAME ZONE');
      return 0;
    }
    if (verb === 'integrations') {
      const result = await client.call<
        { name: string; connected: boolean; health: { state: string; message: string } | null }[]
      >('query', 'integrations');
      if (!result.ok) return report(result);
      if (values.json) console.log(JSON.stringify(result.value, null, 2));
      else
        for (const i of result.value)
          console.log(
            `${i.name}: ${i.connected ? `${i.health?.state ?? 'ok'} — ${i.health?.message ?? ''}` : 'not connected'}`,
          );
      return 0;
    }
    const { name, input } = commandFor(positionals, values);
    const result = await client.call('command', name, input);
    if (!result.ok) return report(result);
    console.log(values.json ? JSON.stringify(result.value, null, 2) : describeOutcome(name, result.value));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof NotRunningError) {
      console.error(
        `${error.message}\nStart it with "npm start" in the Cadence folder, or run "cadence serve${values['data-dir'] ? ` --data-dir ${values['data-dir']}` : ''}".`,
      );
      return 3;
    }
    throw error;
  }
}
