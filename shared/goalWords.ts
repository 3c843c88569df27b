import type { FocusPlan } from './focusGoal';
import { dayTitle, durationText } from './words';

type GoalWeek = Pick<FocusPlan, 'coming' | 'from' | 'goalMinutes' | 'doneMinutes' | 'shortMinutes'>;

/** The week the goal plans, in words: "this week", or the coming one once no workday of this one is left. */
export function goalWeekWords(goal: Pick<FocusPlan, 'coming' | 'from'>): string {
  return goal.coming ? `next week (from ${dayTitle(goal.from)})` : 'this week';
}

/** What of the goal is planned (not done, not short), in minutes. */
export const goalPlannedMinutes = (goal: GoalWeek): number =>
  Math.max(0, goal.goalMinutes - goal.doneMinutes - goal.shortMinutes);

/** "Focus goal this week: 4 h of 6 h done, 2 h planned", the window's goal line, for the CLI too. */
export function goalProgressText(goal: GoalWeek): string {
  const planned = goalPlannedMinutes(goal);
  return `Focus goal ${goalWeekWords(goal)}: ${durationText(goal.doneMinutes)} of ${durationText(goal.goalMinutes)} done${planned > 0 ? `, ${durationText(planned)} planned` : ''}`;
}
