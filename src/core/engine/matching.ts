import type { Available } from './facts';
import type { Report } from './report';

/**
 * Why no order could be credited to a chat, when none could. A conversion rate of 0 reads as a fact
 * about the agents; it may be an order export without a buyer column (its figures are then empty), or
 * two exports that name buyers differently (a nickname in the chats, an ID in the orders). Each front
 * end says so in its own words.
 */
export type MatchProblem = 'no-buyer-column' | 'no-buyer-in-common';

export function matchProblem(counts: Report['counts'], available: Available): MatchProblem | null {
  if (!available.chats || !available.orders) return null;
  if (!available.orderBuyers) return 'no-buyer-column';
  // Orders with the time the basis reads, none of them matched (orders without it are not silent).
  if (counts.consultations > 0 && counts.silentOrders > 0 && counts.attributedOrders === 0)
    return 'no-buyer-in-common';
  return null;
}
