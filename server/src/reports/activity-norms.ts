import type { Playbook } from '../../../lib/playbook/schema';

export interface ActivityMinimums {
  day: { calls: number | null; meetings: number | null };
  week: { calls: number | null; meetings: number | null };
}

/**
 * The daily and weekly minimums of calls and meetings a report holds managers to. The playbook
 * sets them per sales role and the server does not know each manager's role, so the lowest
 * minimum any role has is used: whoever falls below it is below every role's norm.
 */
export function activityMinimums(playbook: Playbook): ActivityMinimums {
  const lowest = (period: 'day' | 'week', metric: 'calls' | 'meetings'): number | null => {
    const mins = playbook.activityNorms.filter((n) => n.period === period && n.metric === metric).map((n) => n.min);
    return mins.length === 0 ? null : Math.min(...mins);
  };
  return {
    day: { calls: lowest('day', 'calls'), meetings: lowest('day', 'meetings') },
    week: { calls: lowest('week', 'calls'), meetings: lowest('week', 'meetings') },
  };
}
