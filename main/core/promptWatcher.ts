import type { Availability } from '../../shared/availability';
import { type Instant, isoInZone, localDate, MINUTE } from '../../shared/clockTime';
import type { CompanionEvent } from '../../shared/contract';
import { focusIntervals } from '../../shared/focus';
import type { Intents } from '../../shared/intents';
import type { Prompt } from '../../shared/prompts';
import type { PromptView } from '../../shared/statusView';
import { clockTime, minutesWords, PROMPT_NOTIFICATIONS } from '../../shared/words';
import type { NotificationAction, Notifier, NotifyOutcome } from './ports';

export interface PromptWatcherOptions {
  notifier: Notifier;
  emit(event: CompanionEvent): void;
  /** Saves the intents; false when they could not be saved (the caller reports why). */
  saveIntents(next: Intents): boolean;
  /** Why desktop notifications fail, or null once they work again. */
  onNotificationProblem(problem: string | null): void;
}

/** What a moment in time means for the user: prompts raised and cleared, a block's end, held messages. */
export class PromptWatcher {
  private raised = new Map<string, Prompt>();
  private lastFocus: Availability['focus'] = null;

  constructor(private readonly options: PromptWatcherOptions) {}

  /** Called whenever availability is recomputed. */
  observe(
    now: Instant,
    availability: Availability,
    prompts: readonly Prompt[],
    views: readonly PromptView[],
    intents: Intents,
  ): void {
    this.noticeFocusEnd(now, availability, intents);
    this.raisePrompts(prompts, views, intents);
    this.deliverHeld(now, availability, intents);
  }

  /** Shows a desktop notification; a failure becomes a problem the window shows, never an exception. */
  deliver(title: string, message: string, actions?: readonly NotificationAction[]): Promise<NotifyOutcome> {
    return this.options.notifier
      .notify({ title, message, ...(actions ? { actions } : {}) })
      .then((outcome) => {
        this.options.onNotificationProblem(
          outcome.delivered
            ? null
            : `Desktop notifications are not working: ${outcome.reason}. Prompts still appear in the Cadence window.`,
        );
        return outcome;
      });
  }

  private noticeFocusEnd(now: Instant, availability: Availability, intents: Intents): void {
    const previous = this.lastFocus;
    this.lastFocus = availability.focus;
    if (!previous || availability.focus?.id === previous.id) return;
    const block = focusIntervals(intents).find((b) => b.id === previous.id);
    if (!block || block.stopped || block.end > now) return;
    const zone = availability.timeZone;
    const minutes = Math.round((block.end - block.start) / MINUTE);
    const body =
      now - block.end > 2 * MINUTE
        ? `Your ${minutes}-minute block ended at ${clockTime(block.end, zone)}, while your computer was asleep.`
        : `${minutesWords(minutes)} of focus done. Stand up, stretch, look away from the screen.`;
    this.options.emit({
      name: 'prompt.raised',
      data: {
        kind: 'focusEnded',
        key: `focusEnded:${block.id}`,
        workday: localDate(block.start, zone),
        endOfDay: null,
        snoozeLimit: null,
        windowEnd: null,
        endedAt: isoInZone(block.end, zone),
      },
    });
    void this.deliver(PROMPT_NOTIFICATIONS.focusEnded.title, body);
  }

  private raisePrompts(prompts: readonly Prompt[], views: readonly PromptView[], intents: Intents): void {
    const current = new Map(prompts.map((prompt) => [prompt.key, prompt]));
    for (const [key, prompt] of this.raised) {
      if (!current.has(key)) this.options.emit({ name: 'prompt.cleared', data: { kind: prompt.kind, key } });
    }
    for (const [index, prompt] of prompts.entries()) {
      const view = views[index];
      if (this.raised.has(prompt.key) || !view) continue;
      this.options.emit({ name: 'prompt.raised', data: view });
      // The after-hours nudge notifies once an evening, across restarts too: its record says it was shown.
      if (prompt.kind === 'afterHours' && intents.nudges.some((nudge) => nudge.date === prompt.workday))
        continue;
      const words = PROMPT_NOTIFICATIONS[prompt.kind];
      void this.deliver(words.title, words.body, words.actions);
    }
    this.raised = current;
  }

  private deliverHeld(now: Instant, availability: Availability, intents: Intents): void {
    if (!intents.held.length || availability.mode !== 'working') return;
    const due = intents.held.filter((item) => Date.parse(item.until) <= now);
    if (!due.length) return;
    if (!this.options.saveIntents({ ...intents, held: intents.held.filter((item) => !due.includes(item)) }))
      return;
    for (const item of due) void this.deliver(item.title, item.body);
  }
}
