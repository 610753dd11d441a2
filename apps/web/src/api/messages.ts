import { ApiFailure } from './client';

/** What each API error means to a customer, in words; the server's own message is kept for the rest. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiFailure)) return error instanceof Error ? error.message : String(error);
  const b = error.body;
  switch (error.code) {
    case 'seats_unavailable': {
      const seats = Array.isArray(b.unavailable) ? (b.unavailable as string[]) : [];
      return seats.length > 0
        ? `Sorry, ${seats.length === 1 ? 'seat' : 'seats'} ${seats.map(seatName).join(', ')} ${seats.length === 1 ? 'was' : 'were'} just taken. Pick other seats.`
        : 'Sold out: there are not enough tickets left for that request.';
    }
    case 'sold_out':
      return 'Sold out: nothing is held that could still come free, so waiting would not help.';
    case 'seats_available':
      return 'Tickets are available right now: pick them instead of waiting.';
    case 'already_waiting':
      return 'You are already in the waiting line for this show.';
    case 'limit_exceeded':
      return `Limit reached: at most ${typeof b.limit === 'number' ? b.limit : 'a few'} tickets per customer for this show (held, bought and waited for together).`;
    case 'hold_expired':
      return 'Your hold has expired and the seats were released. Pick them again if they are still free.';
    case 'hold_released':
      return 'This hold was released.';
    case 'hold_already_purchased':
      return 'This hold has already been paid for.';
    case 'queue_pass_required':
      return 'This on-sale has a waiting room: join it to get your turn.';
    case 'queue_pass_invalid':
      return b.reason === 'expired' ? 'Your turn in the waiting room has run out: join it again.' : 'Your waiting-room pass is not valid for this show: join its waiting room.';
    case 'too_many_places':
      return 'Too many people from your network are already in this waiting room.';
    case 'proof_of_work_invalid':
      return 'The browser check did not go through: reload the page to try again.';
    case 'payment_declined':
      return 'Payment declined: the card was refused. Try another card; your seats stay held until the countdown ends.';
    case 'hold_not_found':
    case 'not_found':
      return `Not found: ${error.message}`;
    case 'unauthorized':
    case 'admin_token_missing':
      return error.status === 401 && error.code === 'unauthorized' ? 'Token rejected: it is not a staff token, or it has been revoked.' : error.message;
    case 'forbidden':
    case 'not_permitted':
      return `Not allowed for your role: ${error.message}`;
    case 'store_unavailable':
    case 'conflict':
      return 'Busy right now: please try again in a moment.';
    case 'network':
      return error.message;
    default:
      return error.message || `The request failed (${error.status}).`;
  }
}

/** 'A-3-7' -> 'A row 3 seat 7'; a single-section hall reads as 'row C seat 7'. */
export function seatName(seatId: string): string {
  const [section, row, number] = seatId.split('-');
  if (number === undefined) return seatId;
  return section === 'HALL' ? `row ${row} seat ${number}` : `${section} row ${row} seat ${number}`;
}
