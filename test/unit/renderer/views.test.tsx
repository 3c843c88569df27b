import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { cadenceStore, initialState } from '../../../renderer/src/store/store';
import { localeWeekend } from '../../../renderer/src/views/Onboarding';
import { freeGaps } from '../../../renderer/src/views/Timeline';
import { Today } from '../../../renderer/src/views/Today';
import { defaultSettings } from '../../../shared/settings';
import type { DayPlanView, StatusView } from '../../../shared/statusView';

const zone = 'UTC';
const iso = (hhmm: string) => `2026-11-25T${hhmm}:00.000+00:00`;
const plan: DayPlanView = {
  date: '2026-11-25',
  timeZone: zone,
  dayKind: 'workday',
  holiday: null,
  endOfDay: iso('17:30'),
  closed: false,
  priorities: ['Review the PR', 'Plan the sprint'],
  agenda: {
    items: [
      { text: 'Review the PR', from: null, done: false },
      { text: 'Plan the sprint', from: null, done: false },
    ],
    setOn: '2026-11-24',
    meantFor: null,
    notes: '',
    nextWorkday: null,
  },
  goal: null,
  shutdown: null,
  items: [
    { kind: 'work', start: iso('09:00'), end: iso('17:30') },
    { kind: 'focus', id: 'a', start: iso('09:30'), end: iso('10:20'), state: 'done' },
    { kind: 'lunch', start: iso('12:00'), end: iso('12:45'), state: 'planned' },
    { kind: 'meeting', id: 'm', title: 'Planning', start: iso('14:00'), end: iso('15:00') },
  ],
};

const status = (patch: Partial<StatusView>): StatusView => ({
  mode: 'working',
  reason: 'working',
  since: iso('09:00'),
  until: iso('17:30'),
  timeZone: zone,
  systemTimeZone: zone,
  now: iso('11:00'),
  focus: null,
  meeting: null,
  lunch: null,
  nextWorkStart: iso('09:00'),
  workday: '2026-11-25',
  next: null,
  prompts: [],
  problems: [],
  activitySource: 'Not measured.',
  ...patch,
});

beforeEach(() => {
  cadenceStore.setState(initialState, true);
  // Server rendering reads the store's initial snapshot; point it at the state each test sets.
  cadenceStore.getInitialState = () => cadenceStore.getState();
});

describe('Today', () => {
  it('shows the headline, the priorities, the timeline and free time', () => {
    cadenceStore.setState({ status: status({}), plan });
    const html = renderToStaticMarkup(<Today />);
    expect(html).toContain('Working until');
    expect(html).toContain('Review the PR');
    expect(html).toContain('Planning');
    expect(html).toContain('Focus 25 min');
  });

  it('isolates user-written text, so a right-to-left name or an override cannot reorder the words around it', () => {
    const sneaky = 'Ship \u202Eexe.txt';
    cadenceStore.setState({
      status: status({}),
      plan: {
        ...plan,
        holiday: 'יום העצמאות',
        agenda: { ...plan.agenda, items: [{ text: sneaky, from: null, done: false }] },
        items: [
          { kind: 'meeting', id: 'm', title: 'مراجعة \u2067الخطة', start: iso('14:00'), end: iso('15:00') },
        ],
      },
    });
    const html = renderToStaticMarkup(<Today />);
    for (const text of [sneaky, 'יום העצמאות', 'مراجعة \u2067الخطة'])
      expect(html, text).toMatch(new RegExp(`<bdi[^>]*>${text}</bdi>`));
  });

  it('says plainly when work resumes while off', () => {
    cadenceStore.setState({
      settings: { ...defaultSettings('UTC'), locale: 'en-GB' },
      status: status({ mode: 'off', reason: 'weekend', nextWorkStart: '2026-11-30T09:00:00.000+00:00' }),
      plan: { ...plan, items: [], dayKind: 'weekend' },
    });
    const html = renderToStaticMarkup(<Today />);
    expect(html.match(/<h1[^>]*>([^<]*)</)?.[1]).toBe('It is the weekend. Work resumes Mon 30 Nov, 9:00.');
  });

  it('shows the lunch prompt with start, snooze and skip when lunch is due', () => {
    cadenceStore.setState({
      status: status({
        prompts: [
          {
            kind: 'lunch',
            key: 'l',
            workday: '2026-11-25',
            endOfDay: null,
            snoozeLimit: null,
            windowEnd: iso('13:30'),
          },
        ],
      }),
      plan,
    });
    const html = renderToStaticMarkup(<Today />);
    expect(html).toContain('Time for lunch.');
    for (const label of ['Start lunch', 'In 15 min', 'Skip today']) expect(html).toContain(label);
  });
});

describe('view helpers', () => {
  it('finds free time between meetings and focus from now on', () => {
    const gaps = freeGaps(plan, Date.parse(iso('11:00'))).map((g) => [
      new Date(g.start).toISOString().slice(11, 16),
      new Date(g.end).toISOString().slice(11, 16),
    ]);
    expect(gaps).toEqual([
      ['11:00', '12:00'],
      ['12:45', '14:00'],
      ['15:00', '17:30'],
    ]);
  });

  it('takes the weekend from the locale where the runtime knows it', () => {
    expect(localeWeekend('en-GB')).toEqual([6, 7]);
    expect(localeWeekend('ar-SA')).toEqual([5, 6]);
  });
});
