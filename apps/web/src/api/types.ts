import type { components } from './openapi';

/**
 * The API's types under short names: every one is the generated type of the API's
 * OpenAPI description (openapi.d.ts, `npm run api:types`), none is written here, so a
 * page that reads a field the API does not send does not compile.
 */
type Schemas = components['schemas'];

// Catalog
export type City = Schemas['City'];
export type PerformerRef = Schemas['PerformerRef'];
export type EventListItem = Schemas['EventListItem'];
export type EventsPage = Schemas['EventsPage'];
export type VenueKind = Schemas['VenueKind'];
export type VenueSummary = Schemas['VenueSummary'];
export type ShowKind = Schemas['ShowKind'];
export type EventShow = Schemas['EventShow'];
export type EventDetails = Schemas['EventDetails'];
export type PriceTier = Schemas['PriceTier'];
/** The API's section box of a show (`ShowView.sections`); the seat map's drawn section is seatmap/layout's SectionLayout. */
export type SectionLayout = Schemas['SectionLayout'];
export type ShowView = Schemas['ShowView'];
export type SeatRange = Schemas['SeatRange'];
export type SeatRow = Schemas['SeatRow'];
export type SeatSection = Schemas['SeatSection'];
export type SeatMap = Schemas['SeatMap'];
export type VenueView = Schemas['VenueView'];

// Inventory
export type Counts = Schemas['Counts'];
export type Availability = Schemas['Availability'];
export type SeatState = Schemas['SeatState'];
export type SeatStatus = Schemas['SeatStatus'];
export type HoldRequest = Schemas['HoldRequest'];
export type HoldCreated = Schemas['HoldCreated'];
export type HoldStatus = Schemas['HoldStatus'];
export type HoldDetails = Schemas['HoldDetails'];
export type PurchaseRequest = Schemas['PurchaseRequest'];
export type OrderTicket = Schemas['OrderTicket'];
export type Order = Schemas['Order'];
export type OrdersPage = Schemas['OrdersPage'];
export type OrderShow = Schemas['OrderShow'];
export type Receipt = Schemas['Receipt'];

// Waiting line
export type JoinWaitlistRequest = Schemas['JoinWaitlistRequest'];
export type WaitlistJoined = Schemas['WaitlistJoined'];
export type WaitlistEntryStatus = Schemas['WaitlistEntryStatus'];
export type WaitlistEntry = Schemas['WaitlistEntry'];

// Audit and admin
export type Sale = Schemas['Sale'];
export type SalesPage = Schemas['SalesPage'];
export type SalesOverTime = Schemas['SalesOverTime'];
export type ProjectionStatus = Schemas['ProjectionStatus'];
export type Me = Schemas['Me'];
export type StaffRole = Schemas['StaffRole'];
export type StaffUser = Schemas['StaffUser'];
export type OrganisationDetail = Schemas['OrganisationDetail'];
export type StaffShows = Schemas['StaffShows'];
export type RebuildStarted = Schemas['RebuildStarted'];

// Customers and errors
export type CustomerToken = Schemas['CustomerToken'];
/** An error answer, `{ error, message, details? }` (named so as not to hide the global Error). */
export type ApiError = Schemas['Error'];
export type ApiErrorCode = ApiError['error'];

/**
 * A seat's change in the show's live stream (`seats` and `snapshot` messages): the
 * seat and its state, as in SeatStatus. The stream's messages have no schema of their
 * own in the description (it says `data` is JSON), so this is the part they share with one.
 */
export type SeatChange = Pick<SeatStatus, 'seatId' | 'status'>;

// Partner analytics
export type SalesAnalytics = Schemas['SalesAnalytics'];
export type AnalyticsCell = Schemas['AnalyticsCell'];
// Messages to ticket holders
export type HolderMessage = Schemas['HolderMessage'];
export type ShowMessage = Schemas['ShowMessage'];
export type HotOnSale = Schemas['HotOnSale'];
export type WaitingRoomPlace = Schemas['WaitingRoomPlace'];
