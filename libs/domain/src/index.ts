// Public API of the domain. Spec helpers live in './testing' and are not exported here,
// so production code never pulls in jest.

export type { Decider } from './decider';
export { DomainError, isDomainError, invalidRequest } from './errors';
export type { DomainErrorCode, DomainErrorDetails } from './errors';
export { toIsoTimestamp } from './timestamps';

// Catalog
export * from './catalog/catalogEntities';
export * from './catalog/catalogEvents';
export * from './catalog/seatMap';
export { formatSeatId, parseSeatId } from './catalog/seatId';
export type { SeatAddress } from './catalog/seatId';
export { countSeats, countSectionSeats, countRowSeats } from './catalog/countSeats';
export { expandSection } from './catalog/expandSection';
export { validateSeatMap } from './catalog/validateSeatMap';
export { validateShow, MAX_GENERAL_CAPACITY, MAX_HOLD_SECONDS, MAX_TICKETS_PER_CUSTOMER } from './catalog/validateShow';
export { planShards, shardSize, MAX_SEATS_PER_SHARD } from './catalog/planShards';
export type { ShardPlan, SeatedShardPlan, GeneralShardPlan } from './catalog/planShards';
export { inventoryStream } from './catalog/inventoryStream';
export { showPricesDecider, decideShowPrices, evolveShowPrices, initialShowPricesState, currentShow, MAX_TIER_PRICE } from './catalog/showPrices';
export type { ChangePrice, ShowPricesCommand, ShowPricesEvent, ShowPricesState } from './catalog/showPrices';

// Inventory (one decider per shard stream)
export * from './inventory/inventoryEvents';
export * from './inventory/inventoryCommands';
export type { Hold, HoldStatus } from './inventory/holdRecord';
export { initialInventoryState, isAvailableAt, FREE, HELD, SOLD } from './inventory/inventoryState';
export type { InventoryState, ShardLayout, SeatedLayout, GeneralLayout } from './inventory/inventoryState';
export { decideInventory } from './inventory/decideInventory';
export { evolveInventory } from './inventory/evolveInventory';
export { inventoryDecider } from './inventory/inventoryDecider';
export { checkInCounts, type CheckInCounts } from './inventory/checkIn';
export type { TicketRecord } from './inventory/inventoryState';
export { holdView, shardCounts, activeHolds } from './inventory/inventoryViews';
export type { HoldView, ShardCounts, UnitCounts, ActiveHold } from './inventory/inventoryViews';
export { priceHold, chargesFor, vatIncluded, showCharges, NO_CHARGES } from './inventory/holdPricing';
export type { HoldPrice, Charges, ShowCharges } from './inventory/holdPricing';
export { PURCHASE_MARGIN_MS, tooLateToPurchase } from './inventory/purchaseMargin';

// Per-customer allowance (one small stream per customer and show)
export * from './allowance/allowanceEvents';
export * from './allowance/allowanceCommands';
export { initialAllowanceState } from './allowance/allowanceState';
export type { AllowanceState, AllowanceReservation } from './allowance/allowanceState';
export { decideAllowance } from './allowance/decideAllowance';
export { evolveAllowance } from './allowance/evolveAllowance';
export { allowanceDecider } from './allowance/allowanceDecider';
export { allowanceStream } from './allowance/allowanceStream';

// Waiting line (one stream per show)
export * from './waitlist/waitlistEvents';
export * from './waitlist/waitlistCommands';
export { initialWaitlistState } from './waitlist/waitlistState';
export type { WaitlistState, WaitlistEntry, WaitlistEntryStatus } from './waitlist/waitlistState';
export { decideWaitlist } from './waitlist/decideWaitlist';
export { evolveWaitlist } from './waitlist/evolveWaitlist';
export { waitlistDecider } from './waitlist/waitlistDecider';
export { waitlistStream } from './waitlist/waitlistStream';
export { waitlistEntryStatus, waitingEntries, waitlistPosition, dueWaitlistEntries } from './waitlist/waitlistViews';

// Demo data that seeds the demo catalog
export * from './fixtures/demoVenues';

// The global remaining count of a show sold from several shard groups, with its bound
export { remainingBound, DEFAULT_THRESHOLDS } from './remaining/remainingBound';
export type { ShardReport, GroupRemaining, RemainingAnswer, RemainingThresholds } from './remaining/remainingBound';

// Fairness: arrival stamps at the edge, and the figure that says how first-come-first-served a sale was
export { HybridLogicalClock, compareStamps, formatStamp, parseStamp, unfairPairs } from './fairness/arrivalStamp';
export type { ArrivalStamp } from './fairness/arrivalStamp';

// Partner analytics: which aggregated cells may be published
export { composeReports, suppressBreakdown, suppressReport } from './analytics/suppression';
export type { CellFigures, CountedCell, CountedReport, PublishedCell, PublishedReport } from './analytics/suppression';

// Accounts: organisations, their staff and tokens.
export * from './accounts/accountEvents';
export type { OrganisationState, UserRecord, TokenRecord } from './accounts/accountState';
export { initialOrganisationState, evolveOrganisation } from './accounts/accountState';
export { decideAccounts, MAX_LIVE_TOKENS_PER_USER, ORGANISATION_ID_PATTERN } from './accounts/decideAccounts';
export type { AccountCommand, Actor } from './accounts/decideAccounts';
export { accountsDecider } from './accounts/accountsDecider';

// Messages to ticket holders (one stream per show), the email outbox's sent markers (one per mailing), and contact addresses (one per customer)
export * from './messages/holderMessageEvents';
export { holderMessagesDecider, decideHolderMessages, evolveHolderMessages } from './messages/holderMessagesDecider';
export * from './outbox/outboxEvents';
export { outboxDecider, decideOutbox, evolveOutbox } from './outbox/outboxDecider';
export * from './contact/contactEmail';
// Hot on-sales: which shows need a queue pass (one stream), and each one's waiting room (a stream per show)
export * from './onsale/hotOnSaleEvents';
export * from './onsale/waitingRoomEvents';
export { hotOnSaleDecider, decideHotOnSale, evolveHotOnSale, MAX_ADMISSIONS_PER_MINUTE, MIN_PASS_SECONDS, MAX_PASS_SECONDS } from './onsale/hotOnSale';
export type { HotOnSaleCommand, HotOnSaleSettings, HotOnSaleState } from './onsale/hotOnSale';
export { waitingRoomDecider, decideWaitingRoom, evolveWaitingRoom, admissionTick } from './onsale/waitingRoom';
export type { WaitingRoomCommand, WaitingRoomPlace, WaitingRoomState } from './onsale/waitingRoom';
