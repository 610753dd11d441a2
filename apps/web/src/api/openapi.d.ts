// Generated from the API's OpenAPI description by `npm run api:types` (openapi-typescript). Do not edit.
// npm test fails when it differs from what the API describes.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the store reads and takes writes, and its members */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/cities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a city
         * @description Staff roles: admin, event_manager.
         */
        post: operations["AdminCatalogController_createCity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an event
         * @description Staff roles: admin, event_manager.
         */
        post: operations["AdminCatalogController_createEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who this staff token belongs to
         * @description Staff roles: admin, event_manager, auditor, gate.
         */
        get: operations["AccountsController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/orders/{orderId}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund an order: its tickets stop letting anyone in and the payment is given back
         * @description Refused (409 `order_checked_in`) when a ticket of the order was already used at a gate. Repeating a refund answers the same. The seats do not return to sale.
         *
         *     Staff roles: admin, event_manager.
         */
        post: operations["TicketsController_refund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an organisation (admins)
         * @description Staff roles: admin.
         */
        post: operations["AccountsController_createOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/organisations/{organisationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An organisation with its staff and their tokens (never the tokens themselves)
         * @description Staff roles: admin, event_manager, auditor.
         */
        get: operations["AccountsController_organisation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/organisations/{organisationId}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a staff user (admins: any role; event managers: gate users of their own shows)
         * @description Staff roles: admin, event_manager.
         */
        post: operations["AccountsController_createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/organisations/{organisationId}/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Disable a staff user: every token of theirs stops working
         * @description Staff roles: admin, event_manager.
         */
        delete: operations["AccountsController_disableUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/organisations/{organisationId}/users/{userId}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a token to a staff user (shown once)
         * @description Staff roles: admin, event_manager, auditor, gate.
         */
        post: operations["AccountsController_issueToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/organisations/{organisationId}/users/{userId}/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a staff token: it stops working at once here and within a second everywhere
         * @description Staff roles: admin, event_manager, auditor, gate.
         */
        delete: operations["AccountsController_revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/performers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a performer
         * @description Staff roles: admin, event_manager.
         */
        post: operations["AdminCatalogController_createPerformer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/projections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The read models: position, lag and state of each projection
         * @description Staff roles: admin.
         */
        get: operations["ProjectionsAdminController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/projections/{name}/rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rebuild a projection (or all) beside the live tables and swap it in
         * @description Staff roles: admin.
         */
        post: operations["ProjectionsAdminController_rebuild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/shows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The shows this staff member may act on, earliest first
         * @description Staff roles: admin, event_manager, auditor, gate.
         */
        get: operations["AdminCatalogController_staffShows"];
        put?: never;
        /**
         * Schedule a show of an event at a venue
         * @description Staff roles: admin, event_manager.
         */
        post: operations["AdminCatalogController_scheduleShow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/shows/{showId}/capacity-transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A show's capacity transfers as this region has seen them, and each shard's capacity after them
         * @description Staff roles: admin.
         */
        get: operations["CapacityTransfersController_list"];
        put?: never;
        /**
         * Move never-held tickets from one shard group to another (escrow; in transit while the target is unreachable)
         * @description Staff roles: admin.
         */
        post: operations["CapacityTransfersController_transfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/shows/{showId}/hot-onsale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Mark a show as a hot on-sale (or change its settings): holds then need a queue pass
         * @description Staff roles: admin, event_manager.
         */
        put: operations["OnSaleController_mark"];
        post?: never;
        /**
         * End a hot on-sale: holds on the show need no queue pass any more
         * @description Staff roles: admin, event_manager.
         */
        delete: operations["OnSaleController_end"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/shows/{showId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The show's messages to its holders, newest first, with their email delivery
         * @description Staff roles: admin, event_manager.
         */
        get: operations["HolderMessagesController_list"];
        put?: never;
        /**
         * Write to the show's ticket holders (all, or one tier's): shown on their orders, pushed live, emailed
         * @description Staff roles: admin, event_manager.
         */
        post: operations["HolderMessagesController_post"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/shows/{showId}/prices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A show's current prices and every change, with who made it
         * @description Staff roles: admin, event_manager.
         */
        get: operations["ShowPricesController_prices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/shows/{showId}/tiers/{tier}/price": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change a tier's price
         * @description Holds made before keep the price they were made at; holds made after the answer (in this process at once, elsewhere once the log reaches it) record the new one.
         *
         *     Staff roles: admin, event_manager.
         */
        put: operations["ShowPricesController_changePrice"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/venues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a venue (with its seat map when seated)
         * @description Staff roles: admin, event_manager.
         */
        post: operations["AdminCatalogController_createVenue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/events/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An event's sales over all its shows, made from the shows' own suppressed figures
         * @description Staff roles: admin, event_manager, auditor.
         */
        get: operations["SalesAnalyticsController_event"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/analytics/shows/{showId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A show's sales by tier, hour, region and order size, small cells suppressed
         * @description Staff roles: admin, event_manager, auditor.
         */
        get: operations["SalesAnalyticsController_show"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/shows/{showId}/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A show's sold tickets in the order sold, page by page
         * @description Staff roles: admin, event_manager, auditor.
         */
        get: operations["InventoryController_sales"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/shows/{showId}/sales-over-time": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tickets sold per time bucket
         * @description Staff roles: admin, event_manager, auditor.
         */
        get: operations["SalesOverTimeController_salesOverTime"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cities with shows */
        get: operations["CatalogController_listCities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Become a customer: an identity and its token
         * @description Rate limited per address. While a hot on-sale is open, send `Proof-Of-Work: <challenge>:<nonce>` solving a challenge from POST /v1/customers/challenges.
         */
        post: operations["CustomersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/challenges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A proof-of-work challenge to solve before creating a customer identity (while a hot on-sale is open) */
        post: operations["CustomersController_challenge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/me/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Messages to the customer as a ticket holder, newest first */
        get: operations["HolderMessagesController_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/me/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer's orders */
        get: operations["InventoryController_myOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/customers/me/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer's own live feed (Server-Sent Events): `message` when its shows' organisers write to their holders */
        get: operations["HolderMessagesController_updates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search events by words, city and dates */
        get: operations["CatalogController_searchEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/{eventId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An event with its performer and shows */
        get: operations["CatalogController_getEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/holds/{holdId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A hold and its status */
        get: operations["InventoryController_getHold"];
        put?: never;
        post?: never;
        /** Release a hold */
        delete: operations["InventoryController_release"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/holds/{holdId}/purchase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pay for a hold: its tickets become an order */
        post: operations["InventoryController_purchase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{orderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order and its tickets */
        get: operations["InventoryController_order"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An order's tickets, by the signed token of its receipt link
         * @description The token is the last part of the link in the receipt email (`/receipts/<token>`). A token that is not one (wrong shape) is 400 naming `token`; one whose signature does not hold (forged or altered) is 403 receipt_link_invalid.
         */
        get: operations["ReceiptsController_receipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shows/{showId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A show: tiers and prices, hold time, limit per customer, sections */
        get: operations["CatalogController_getShow"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shows/{showId}/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A show's counts, by tier, and how fresh they are */
        get: operations["InventoryController_availability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shows/{showId}/checkins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a scanned ticket in at a gate
         * @description 201 `admitted`: a check-in was written. 200 with `already_admitted` (when and at which gate), `refunded`, `wrong_show` or `invalid_signature`: decided, nothing written. A payload that is not a ticket payload at all is a 400 naming `payload`.
         *
         *     Staff roles: admin, gate.
         */
        post: operations["TicketsController_checkIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shows/{showId}/checkins/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A show's tickets admitted and not yet admitted, live
         * @description Staff roles: admin, gate, event_manager, auditor.
         */
        get: operations["TicketsController_counts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shows/{showId}/holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hold seats or tickets until the hold expires
         * @description On a hot on-sale, send the queue pass from the show's waiting room as `Queue-Pass`; without a valid one of your own: 403 queue_pass_required or queue_pass_invalid.
         */
        post: operations["InventoryController_hold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shows/{showId}/hot-onsale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a show is a hot on-sale (its holds need a queue pass) and whether new identities need a proof-of-work */
        get: operations["OnSaleController_onSale"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shows/{showId}/remaining": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many tickets are left everywhere, with an honest bound and each shard group's freshness */
        get: operations["InventoryController_remaining"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shows/{showId}/seats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A seated show's seats and their status (gzip when accepted) */
        get: operations["InventoryController_seats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shows/{showId}/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A show's seats and counts, live (Server-Sent Events)
         * @description At most LIVE_STREAMS_PER_ADDRESS open streams per address, and LIVE_STREAMS_PER_CUSTOMER per customer when a customer token is sent; beyond: 429 too_many_listeners with Retry-After.
         */
        get: operations["LiveController_showUpdates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shows/{showId}/waiting-room": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your place in a hot show's waiting room, with the queue pass once admitted */
        get: operations["OnSaleController_place"];
        put?: never;
        /**
         * Join a hot show's waiting room (again: keeps your place); the pass comes once admitted
         * @description At most QUEUE_PLACES_PER_ADDRESS customers per address in one room (409 too_many_places); 409 not_hot_onsale for a show that is not hot.
         */
        post: operations["OnSaleController_join"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shows/{showId}/waitlist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Wait in line for a sold-out show
         * @description On a hot on-sale, like a hold: send the queue pass as `Queue-Pass` (403 queue_pass_required or queue_pass_invalid without a valid one of your own).
         */
        post: operations["WaitlistController_join"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/venues/{venueId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A venue and its seat map */
        get: operations["CatalogController_getVenue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/waitlist/{entryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A waiting-line entry: status, position, offered hold */
        get: operations["WaitlistController_entry"];
        put?: never;
        post?: never;
        /** Leave the waiting line */
        delete: operations["WaitlistController_leave"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/waitlist/{entryId}/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A waiting-line entry's story, live (Server-Sent Events) */
        get: operations["LiveController_waitlistUpdates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Figures of one cell, or `suppressed` when publishing them could tell about fewer than `minBuyers` buyers */
        AnalyticsCell: {
            key: string;
            /** @description Orders with tickets in the cell */
            orders: number;
            /** @description Minor units of `currency`; absent when the figures mix currencies */
            revenue?: number;
            /** @enum {boolean} */
            suppressed: false;
            tickets: number;
        } | {
            key: string;
            /** @enum {boolean} */
            suppressed: true;
        };
        /** @enum {string} */
        AnalyticsDimension: "tier" | "hour" | "region" | "size";
        Availability: {
            /**
             * Format: date-time
             * @description Until when the figures are known to hold every sale (on a cluster: when this API last reached its majority)
             */
            asOf: string;
            available: number;
            byTier: {
                [key: string]: components["schemas"]["Counts"];
            };
            capacity: number;
            held: number;
            /** @description Events of the log the figures do not show yet */
            lagEvents: number;
            sold: number;
        };
        CapacityTransfer: {
            count: number;
            fromShard: string;
            showId: string;
            /**
             * @description 'in_transit': out of the source, not yet in the target (its cluster unreachable from here); sold by no one until it lands
             * @enum {string}
             */
            status: "completed" | "in_transit";
            /** @description The ticket numbers that moved */
            tickets: {
                count: number;
                first: number;
            }[];
            toShard: string;
            transferId: string;
        };
        CapacityTransferRequest: {
            /** @description Never-held tickets to move (at most 100, one transfer per shard per second) */
            count: number;
            /** @description A shard of the show, e.g. s12 (`byShard` of GET /v1/admin/shows/:showId/capacity-transfers names them) */
            fromShard: string;
            /** @description A shard of the show, e.g. s12 (`byShard` of GET /v1/admin/shows/:showId/capacity-transfers names them) */
            toShard: string;
            /** @description Makes a retry safe: the same id moves the tickets once */
            transferId?: string;
        };
        CapacityTransfers: {
            /** @description Each shard's capacity after transfers and what it has left, as this region's read models have it */
            byShard: {
                available: number;
                capacity: number;
                group: string;
                shardId: string;
            }[];
            inTransit: number;
            showId: string;
            transfers: {
                count: number;
                fromShard: string;
                /**
                 * Format: date-time
                 * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
                 */
                inAt?: string;
                /**
                 * Format: date-time
                 * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
                 */
                outAt?: string;
                showId: string;
                /**
                 * @description As this region has seen it: 'arriving' when only its In has been seen yet
                 * @enum {string}
                 */
                status: "completed" | "in_transit" | "arriving";
                /** @description The ticket numbers that moved */
                tickets: {
                    count: number;
                    first: number;
                }[];
                toShard: string;
                transferId: string;
            }[];
        };
        CatalogEvent: {
            category: string;
            description: string;
            id: string;
            name: string;
            /** @description The organisation that runs it; absent: the platform */
            organisationId?: string;
            performerId: string;
        };
        ChangePriceRequest: {
            /** @description The tier's own currency (a show is priced in one); checked when given */
            currency?: string;
            /** @description The tier's new unit price in integer minor units (cents), 0 to 100000000 */
            price: number;
        };
        Charges: {
            /** @description ISO 4217, e.g. EUR */
            currency: string;
            /** @description The show's service fee per ticket */
            serviceFeePerTicket: number;
            /** @description serviceFeePerTicket × tickets */
            serviceFees: number;
            /** @description The tickets' prices added up */
            ticketsTotal: number;
            /** @description ticketsTotal + serviceFees: what the card is charged (prices include VAT) */
            total: number;
            /** @description How much of total is VAT: total × rate / (1 + rate), once on the total, to the nearest minor unit (halves up) */
            vat: number;
            /** @description The VAT rate the prices and fees include, in basis points (900 = 9 %; 0: none stated) */
            vatBasisPoints: number;
        };
        /** @description 201 admitted (a check-in was written); 200 for the other outcomes (nothing written) */
        CheckIn: {
            /**
             * Format: date-time
             * @description admitted: now; already_admitted: when it was first let in
             */
            admittedAt?: string;
            /** @description admitted / already_admitted: the gate that let it in */
            gate?: string;
            /** @description The outcome in words, for the gate screen */
            message: string;
            outcome: components["schemas"]["CheckInOutcome"];
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            refundedAt?: string;
            /** @description When the signature holds */
            ticketId?: string;
        };
        CheckInCounts: {
            admitted: number;
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            asOf: string;
            /** @description Sold, not refunded, not yet let in */
            notAdmitted: number;
            refunded: number;
            showId: string;
            /** @description Tickets sold, refunded ones included */
            sold: number;
        };
        /** @enum {string} */
        CheckInOutcome: "admitted" | "already_admitted" | "invalid_signature" | "wrong_show" | "refunded";
        CheckInRequest: {
            /** @description The gate scanning, as its staff name it, e.g. "North 3" */
            gate: string;
            /** @description What the gate scanned: the ticket's QR code (`pass` of an order's ticket) */
            payload: string;
        };
        City: {
            country: string;
            id: string;
            name: string;
            timeZone: string;
        };
        Counts: {
            available: number;
            capacity: number;
            held: number;
            sold: number;
        };
        CreateCityRequest: {
            country: string;
            /** @description 1-63 lowercase letters, digits or '-', starting with a letter or digit */
            id?: string;
            name: string;
            /** @description An IANA time zone, e.g. Europe/Amsterdam */
            timeZone: string;
        };
        CreateEventRequest: {
            category: string;
            description: string;
            /** @description 1-63 lowercase letters, digits or '-', starting with a letter or digit */
            id?: string;
            name: string;
            /** @description Admins only: the owning organisation (an event manager's is its own) */
            organisationId?: string;
            /** @description 1-63 lowercase letters, digits or '-', starting with a letter or digit */
            performerId: string;
        };
        CreateOrganisationRequest: {
            /** @description 1-63 lowercase letters, digits or '-'; 'platform' holds the platform's admins */
            id: string;
            name: string;
        };
        CreatePerformerRequest: {
            /** @description 1-63 lowercase letters, digits or '-', starting with a letter or digit */
            id?: string;
            name: string;
        };
        CreateUserRequest: {
            name: string;
            role: components["schemas"]["StaffRole"];
            /** @description Gate users only: the shows they check tickets in at */
            showIds?: string[];
        };
        CreateVenueRequest: {
            /** @description 1-63 lowercase letters, digits or '-', starting with a letter or digit */
            cityId: string;
            /** @description 1-63 lowercase letters, digits or '-', starting with a letter or digit */
            id?: string;
            kind: components["schemas"]["VenueKind"];
            name: string;
            /** @description Admins only: the owning organisation (an event manager's is its own) */
            organisationId?: string;
            seatMap?: components["schemas"]["SeatMap"];
        };
        CustomerToken: {
            customerId: string;
            /** @description Send as `Authorization: Bearer <token>` */
            token: string;
        };
        /** @description `{ error, message, details? }`; domain errors also repeat their details at the top level */
        Error: {
            details?: {
                [key: string]: unknown;
            };
            /**
             * @description A stable code to branch on (see the README's error table)
             * @enum {string}
             */
            error: "invalid_request" | "invalid_json" | "invalid_utf8" | "invalid_seat" | "too_deep" | "bad_request" | "unauthorized" | "payment_declined" | "forbidden" | "not_permitted" | "queue_pass_required" | "queue_pass_invalid" | "proof_of_work_required" | "proof_of_work_invalid" | "receipt_link_invalid" | "not_found" | "hold_not_found" | "not_hold_owner" | "waitlist_entry_not_found" | "web_not_built" | "method_not_allowed" | "not_acceptable" | "seats_unavailable" | "hold_already_purchased" | "already_exists" | "already_waiting" | "waitlist_entry_not_waiting" | "too_many_places" | "not_hot_onsale" | "seats_available" | "sold_out" | "idempotency_key_reused" | "conflict" | "ticket_not_found" | "order_not_found" | "ticket_already_admitted" | "ticket_refunded" | "order_checked_in" | "transfer_refused" | "price_unchanged" | "rebuild_in_progress" | "not_rebuildable" | "hold_expired" | "hold_released" | "payload_too_large" | "uri_too_long" | "unsupported_media_type" | "limit_exceeded" | "idempotency_key_mismatch" | "rate_limited" | "too_many_listeners" | "headers_too_large" | "store_unavailable" | "not_ready" | "shutting_down";
            /** @description For people; may change */
            message: string;
        } & {
            [key: string]: unknown;
        };
        EventDetails: {
            category: string;
            description: string;
            id: string;
            name: string;
            performer: components["schemas"]["PerformerRef"];
            shows: components["schemas"]["EventShow"][];
        };
        EventListItem: {
            category: string;
            /** @description Ids of the cities the event has shows in */
            cities: string[];
            description: string;
            id: string;
            name: string;
            /**
             * Format: date-time
             * @description The earliest matching show that has not started; null when none
             */
            nextShowAt: string | null;
            /** @description The IANA time zone of that show's venue (its city's), to show its time in; null when no next show */
            nextShowTimeZone: string | null;
            performer: components["schemas"]["PerformerRef"];
        };
        EventShow: {
            id: string;
            kind: components["schemas"]["ShowKind"];
            /**
             * Format: date-time
             * @description ISO 8601 with a zone or offset
             */
            startsAt: string;
            /** @description The venue's IANA time zone (its city's), e.g. Europe/Amsterdam: show the start in it */
            timeZone: string;
            venue: components["schemas"]["VenueSummary"];
            venueId: string;
        };
        EventsPage: {
            items: components["schemas"]["EventListItem"][];
            page: number;
            pageSize: number;
            total: number;
        };
        GroupRemaining: {
            /**
             * Format: date-time
             * @description The oldest time any of the group's shards was known current
             */
            asOf: string;
            available: number;
            /** @description A shard group (its cluster's name; 'default' on one store) */
            group: string;
            lower: number;
            stale: boolean;
            /** @description Not heard from within 10 s: its share is left out, not guessed */
            unknown: boolean;
            upper: number;
        };
        Health: {
            error?: string;
            leader?: string;
            members?: components["schemas"]["StoreMember"][];
            readModelsAt?: string;
            /** @enum {string} */
            reads: "ok" | "failing";
            /** @enum {string} */
            status: "ok" | "unavailable" | "degraded";
            store: string;
            /** @enum {string} */
            writes: "ok" | "failing";
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            writesFailingSince?: string;
        };
        HoldCreated: {
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            expiresAt: string;
            holdId: string;
            /** @description Seated shows */
            seatIds?: string[];
            showId: string;
            /** @description General admission */
            ticketNumbers?: number[];
        };
        HoldDetails: {
            /** @description ISO 4217, e.g. EUR */
            currency: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            expiresAt: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            heldAt: string;
            holdId: string;
            /** @description One per ticket, in the order held */
            lines: components["schemas"]["HoldLine"][];
            orderId?: string;
            quantity: number;
            /** @description Seated shows */
            seatIds?: string[];
            /** @description The show's service fee per ticket */
            serviceFeePerTicket: number;
            /** @description serviceFeePerTicket × tickets */
            serviceFees: number;
            showId: string;
            status: components["schemas"]["HoldStatus"];
            /** @description General admission */
            ticketNumbers?: number[];
            /** @description The tickets' prices added up */
            ticketsTotal: number;
            /** @description ticketsTotal + serviceFees: what the card is charged (prices include VAT) */
            total: number;
            /** @description How much of total is VAT: total × rate / (1 + rate), once on the total, to the nearest minor unit (halves up) */
            vat: number;
            /** @description The VAT rate the prices and fees include, in basis points (900 = 9 %; 0: none stated) */
            vatBasisPoints: number;
            /** @description The waiting line offered these tickets: they came free for this customer */
            waitlistOffer: boolean;
        };
        HolderMessage: {
            body: string;
            messageId: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            postedAt: string;
            showId: string;
            subject: string;
            tier?: string;
        };
        HolderMessagesPage: {
            items: components["schemas"]["HolderMessage"][];
        };
        HoldLine: {
            /** @description The unit price the hold recorded when it was made (SeatsHeld.prices) */
            price: number;
            row?: string;
            /** @description The seat number in its row */
            seat?: number;
            /** @description Seated shows */
            seatId?: string;
            /** @description The seat's section, by its name on the seat map */
            section?: string;
            /** @description General admission */
            ticketNumber?: number;
            tier: string;
        };
        /** @description Either `seatIds` (chosen seats), or `quantity` with optional `tier`/`section` (best available, or general admission) */
        HoldRequest: {
            /** @description Chosen seats, e.g. A-12-7 */
            seatIds: string[];
        } | {
            quantity: number;
            section?: string | null;
            tier?: string | null;
        };
        /** @enum {string} */
        HoldStatus: "active" | "purchased" | "released" | "expired";
        HotOnSale: {
            admissionsPerMinute?: number;
            /** @description Holds need a queue pass from the waiting room */
            hot: boolean;
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            opensAt?: string;
            passSeconds?: number;
            /** @description New customer identities need a proof-of-work now (a hot on-sale is open and POW_DIFFICULTY > 0) */
            proofOfWork: boolean;
            showId: string;
        };
        IssuedToken: {
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            issuedAt: string;
            /** @description Shown this once: the log keeps only a hash of its secret */
            token: string;
            tokenId: string;
        };
        IssueTokenRequest: {
            label?: string;
        };
        JoinWaitlistRequest: {
            quantity: number;
            section?: string | null;
            tier?: string | null;
        };
        MarkHotOnSaleRequest: {
            /** @description Customers let through per minute; default HOT_ADMISSIONS_PER_MINUTE */
            admissionsPerMinute?: number;
            /**
             * Format: date-time
             * @description Nobody is admitted before this; default: now
             */
            opensAt?: string;
            /** @description How long a queue pass is good for from its admission; default QUEUE_PASS_SECONDS */
            passSeconds?: number;
        };
        Me: {
            name: string;
            organisationId?: string;
            role: components["schemas"]["StaffRole"];
            showIds: string[];
            userId: string;
        };
        /** @description total is what the card was charged: the tickets plus the service fees */
        Order: {
            /** @description ISO 4217, e.g. EUR */
            currency: string;
            customerId: string;
            holdId: string;
            orderId: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            purchasedAt: string;
            /** @description The show's service fee per ticket */
            serviceFeePerTicket: number;
            /** @description serviceFeePerTicket × tickets */
            serviceFees: number;
            /** @description The event, venue and start of the show (GET /v1/orders/{orderId} and GET /v1/customers/me/orders; absent if the show left the catalog) */
            show?: components["schemas"]["OrderShow"];
            showId: string;
            tickets: components["schemas"]["OrderTicket"][];
            /** @description The tickets' prices added up */
            ticketsTotal: number;
            /** @description ticketsTotal + serviceFees: what the card is charged (prices include VAT) */
            total: number;
            /** @description How much of total is VAT: total × rate / (1 + rate), once on the total, to the nearest minor unit (halves up) */
            vat: number;
            /** @description The VAT rate the prices and fees include, in basis points (900 = 9 %; 0: none stated) */
            vatBasisPoints: number;
        };
        /** @description The order as refunded; a repeated refund answers the same */
        OrderRefund: {
            orderId: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            refundedAt: string;
            showId: string;
            ticketIds: string[];
        };
        /** @description What an order is for, to name it without asking the catalog */
        OrderShow: {
            cityName: string;
            eventId: string;
            eventName: string;
            /**
             * Format: date-time
             * @description ISO 8601 with a zone or offset
             */
            startsAt: string;
            /** @description The venue's IANA time zone, e.g. Europe/Amsterdam: show `startsAt` in it */
            timeZone: string;
            venueName: string;
        };
        OrdersPage: {
            items: components["schemas"]["Order"][];
        };
        OrderTicket: {
            /** @description ISO 4217, e.g. EUR */
            currency: string;
            /** @description The ticket's signed check-in payload, to show as its QR code (POST /v1/shows/{showId}/checkins) */
            pass?: string;
            /** @description integer minor units (cents) */
            price: number;
            seatId?: string;
            ticketId: string;
            ticketNumber?: number;
            tier: string;
        };
        Organisation: {
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            createdAt: string;
            id: string;
            name: string;
        };
        OrganisationDetail: {
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            createdAt: string;
            id: string;
            name: string;
            users: components["schemas"]["StaffUser"][];
        };
        Performer: {
            id: string;
            name: string;
        };
        PerformerRef: {
            id: string;
            name: string;
        };
        PostHolderMessageRequest: {
            /** @description 1 to 5000 characters, not only spaces, line breaks kept; stored trimmed */
            body: string;
            /** @description One line of 1 to 150 characters, not only spaces; stored trimmed */
            subject: string;
            /** @description Only the holders of this tier's tickets; absent: every holder of the show */
            tier?: string;
        };
        PowChallenge: {
            /** @description Find a nonce such that SHA-256 of `<challenge>:<nonce>` starts with `difficulty` zero bits; send `Proof-Of-Work: <challenge>:<nonce>` */
            challenge: string;
            difficulty: number;
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            expiresAt: string;
            /** @description Whether POST /v1/customers asks for it right now */
            required: boolean;
        };
        PriceChange: {
            /** @description The staff user who changed it (`admin` for the bootstrap token) */
            by: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            changedAt: string;
            /** @description ISO 4217, e.g. EUR */
            currency: string;
            /** @description integer minor units (cents) */
            previousPrice: number;
            /** @description integer minor units (cents) */
            price: number;
            tier: string;
        };
        PriceTier: {
            /** @description ISO 4217, e.g. EUR */
            currency: string;
            /** @description integer minor units (cents) */
            price: number;
            tier: string;
        };
        ProjectionStatus: {
            error?: string;
            lagEvents: number;
            name: string;
            position: string;
            rebuild?: {
                head: string;
                position: string;
                /**
                 * Format: date-time
                 * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
                 */
                startedAt: string;
            };
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            rebuiltAt?: string;
            /** @enum {string} */
            status: "live" | "catching_up" | "stalled" | "rebuilding";
            version: number;
        };
        PurchaseRequest: {
            /** @description Where to send messages about these tickets (optional). Kept apart from the sale: never in audits or exports */
            email?: string;
            payment: {
                /** @description The payment provider's token for the card */
                token: string;
            };
        };
        RebuildStarted: {
            name: string;
            /** @description Every projection being rebuilt */
            projections: string[];
            /** @enum {string} */
            status: "rebuilding";
        };
        Receipt: {
            /** @description ISO 4217, e.g. EUR */
            currency: string;
            orderId: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            purchasedAt: string;
            show: components["schemas"]["OrderShow"];
            showId: string;
            tickets: components["schemas"]["OrderTicket"][];
            /** @description integer minor units (cents) */
            total: number;
        };
        /** @description The global remaining count: estimate within [lower, upper] (docs/datacenters.md §8) */
        Remaining: {
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            answeredAt: string;
            byGroup: components["schemas"]["GroupRemaining"][];
            estimate: number;
            /** @description Tickets moving between shard groups: sold by no one meanwhile */
            inTransit: number;
            lower: number;
            /**
             * @description 'failure': no group could be heard from, nothing can be bounded
             * @enum {string}
             */
            status: "exact" | "bounded" | "failure";
            /** @description Capacity of the shards not heard from within 10 s */
            unknownTickets: number;
            upper: number;
        };
        Sale: {
            /** @description ISO 4217, e.g. EUR */
            currency: string;
            customerId: string;
            orderId: string;
            /** @description integer minor units (cents) */
            price: number;
            seatId?: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            soldAt: string;
            ticketId: string;
            ticketNumber?: number;
            tier: string;
        };
        SalesAnalytics: {
            /** @description Each a partition of the total, in the order of its keys: tier names; hours on the venue's clock (`2026-12-03T20:00+01:00`); the buyer's region (from a customer id minted on a topology; `unknown` otherwise); order sizes (`1`…`10`, `11+`) */
            breakdowns: {
                hour?: components["schemas"]["AnalyticsCell"][];
                region?: components["schemas"]["AnalyticsCell"][];
                size?: components["schemas"]["AnalyticsCell"][];
                tier?: components["schemas"]["AnalyticsCell"][];
            };
            /** @description Of every revenue; null when the shows sell in several currencies (revenue is then left out) */
            currency: string | null;
            /** @description The show or event */
            id: string;
            /** @description An event: its shows with fewer than `minBuyers` buyers in all, left out whole */
            leftOut: string[];
            /** @description k: no published cell has fewer distinct buyers (ANALYTICS_MIN_BUYERS) */
            minBuyers: number;
            /** @enum {string} */
            scope: "show" | "event";
            /** @description The shows whose sales are counted */
            shows: string[];
            /** @description The venue's IANA time zone the hours are on (each hour key carries its offset); null when an event's shows are in several zones, each hour then on its own venue's clock */
            timeZone: string | null;
            total: components["schemas"]["AnalyticsCell"];
        };
        SalesOverTime: {
            /** @description Buckets with sales only, oldest first */
            buckets: {
                /**
                 * Format: date-time
                 * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
                 */
                at: string;
                sold: number;
            }[];
            bucketSeconds: number;
            showId: string;
            sold: number;
        };
        SalesPage: {
            items: components["schemas"]["Sale"][];
            /** @description Pass as `after` for the next page; null on a short page */
            next: number | null;
        };
        ScheduleShowRequest: {
            /** @description General admission: the number of tickets */
            capacity?: number;
            /** @description 1-63 lowercase letters, digits or '-', starting with a letter or digit */
            eventId: string;
            generalTiers?: {
                capacity: number;
                tier: string;
            }[];
            holdSeconds?: number;
            /** @description 1-63 lowercase letters, digits or '-', starting with a letter or digit */
            id?: string;
            kind: components["schemas"]["ShowKind"];
            maxTicketsPerCustomer?: number;
            /** @description Integer minor units added to every ticket at checkout (default 0); recorded on the sale beside the ticket price */
            serviceFeePerTicket?: number;
            shardCount?: number;
            /** @description ISO 8601 date-time with a zone, e.g. 2027-07-01T19:30:00Z */
            startsAt: string;
            tiers: {
                /** @description ISO 4217, e.g. EUR */
                currency: string;
                price: number;
                tier: string;
            }[];
            /** @description The VAT rate the prices and fee include, in basis points (900 = 9 %; default 0); fixed once scheduled */
            vatBasisPoints?: number;
            /** @description 1-63 lowercase letters, digits or '-', starting with a letter or digit */
            venueId: string;
        };
        SeatMap: {
            sections: components["schemas"]["SeatSection"][];
            stage?: components["schemas"]["SeatMapStage"];
        };
        /** @description Where the performance is (stage, screen, pitch), in the sections' units */
        SeatMapStage: {
            height: number;
            label: string;
            width: number;
            x: number;
            y: number;
        };
        SeatRange: {
            from: number;
            to: number;
        };
        SeatRow: {
            /** @description Companion seats: seats of the row beside a wheelchair space */
            companion?: components["schemas"]["SeatRange"][];
            row: string;
            /** @description A count (seats 1..n) or number ranges with gaps for aisles */
            seats: number | components["schemas"]["SeatRange"][];
            tier: string;
            /** @description Wheelchair spaces: numbers in the row's numbering that hold no seat (a gap in seats) */
            wheelchair?: components["schemas"]["SeatRange"][];
        };
        SeatSection: {
            height: number;
            id: string;
            name: string;
            rows: components["schemas"]["SeatRow"][];
            width: number;
            x: number;
            y: number;
        };
        /** @enum {string} */
        SeatState: "available" | "held" | "sold";
        SeatStatus: {
            number: number;
            row: string;
            seatId: string;
            section: string;
            status: components["schemas"]["SeatState"];
            tier: string;
        };
        SectionLayout: {
            height: number;
            id: string;
            name: string;
            seats: number;
            width: number;
            x: number;
            y: number;
        };
        /** @enum {string} */
        ShowKind: "seated" | "general";
        ShowMessage: {
            body: string;
            /** @description Email delivery; stays at 0 and not completed while SMTP_URL is unset */
            email: {
                /** @description Every holder with an address has been dealt with */
                completed: boolean;
                /** @description Holders whose address the SMTP server refused for good */
                failed: number;
                /** @description Holders the SMTP server accepted the email for */
                sent: number;
            };
            messageId: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            postedAt: string;
            /** @description The staff user who posted it */
            postedBy: string;
            showId: string;
            subject: string;
            tier?: string;
        };
        ShowMessagesPage: {
            items: components["schemas"]["ShowMessage"][];
        };
        ShowPrices: {
            /** @description Every change, oldest first */
            changes: components["schemas"]["PriceChange"][];
            /** @description The prices the show was scheduled with */
            scheduledTiers: components["schemas"]["PriceTier"][];
            showId: string;
            /** @description The current price of each tier: what a hold made now records */
            tiers: components["schemas"]["PriceTier"][];
        };
        ShowView: {
            /** @description Seats for a seated show; tickets for general admission */
            capacity: number;
            eventId: string;
            holdSeconds: number;
            id: string;
            kind: components["schemas"]["ShowKind"];
            maxTicketsPerCustomer: number;
            /** @description Seated shows only */
            sections?: components["schemas"]["SectionLayout"][];
            /** @description Added to every ticket at checkout, in the tiers' currency (integer minor units; 0: none) */
            serviceFeePerTicket: number;
            /**
             * Format: date-time
             * @description ISO 8601 with a zone or offset
             */
            startsAt: string;
            tiers: components["schemas"]["PriceTier"][];
            /** @description The venue's IANA time zone (its city's), e.g. Europe/Amsterdam: show the start in it */
            timeZone: string;
            /** @description The VAT rate the prices and fees include, in basis points (900 = 9 %; 0: none stated) */
            vatBasisPoints: number;
            venue: components["schemas"]["VenueSummary"];
            venueId: string;
        };
        /** @enum {string} */
        StaffRole: "admin" | "event_manager" | "auditor" | "gate";
        StaffShows: {
            items: {
                eventId: string;
                eventName: string;
                /** @enum {string} */
                kind: "seated" | "general";
                organisationId?: string;
                /** @description What its sold tickets brought in, one entry per currency (minor units), from the sales read model; empty before the first sale */
                revenue: {
                    /** @description integer minor units (cents) */
                    amount: number;
                    /** @description ISO 4217, e.g. EUR */
                    currency: string;
                }[];
                showId: string;
                startsAt: string;
                /** @description The venue's IANA time zone (its city's), e.g. Europe/Amsterdam: show the start in it */
                timeZone: string;
                venueName: string;
            }[];
        };
        StaffTokenView: {
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            issuedAt: string;
            issuedBy: string;
            label: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            revokedAt?: string;
            tokenId: string;
        };
        StaffUser: {
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            createdAt: string;
            createdBy: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            disabledAt?: string;
            name: string;
            organisationId: string;
            role: components["schemas"]["StaffRole"];
            showIds: string[];
            tokens: components["schemas"]["StaffTokenView"][];
            userId: string;
        };
        StoreMember: {
            endpoint: string;
            error?: string;
            leader: boolean;
            name: string;
            reachable: boolean;
        };
        /** @enum {string} */
        VenueKind: "cinema" | "arena" | "stadium" | "festival" | "theatre";
        VenueSummary: {
            cityId: string;
            id: string;
            kind: components["schemas"]["VenueKind"];
            name: string;
        };
        VenueView: {
            /** @description Seats in the map; 0 for general-admission grounds */
            capacity: number;
            cityId: string;
            id: string;
            kind: components["schemas"]["VenueKind"];
            name: string;
            seatMap?: components["schemas"]["SeatMap"];
        };
        WaitingRoomPlace: {
            /**
             * Format: date-time
             * @description When the customer is let through (the show's admission rate decides it)
             */
            admitAt: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            joinedAt: string;
            /** @description The signed queue pass (status admitted): send it as `Queue-Pass` with each hold on the show */
            pass?: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            passExpiresAt?: string;
            /** @description Arrival order: 1 for the first to join */
            position: number;
            showId: string;
            /** @enum {string} */
            status: "waiting" | "admitted";
            /** @description Seconds until admitAt; 0 once admitted */
            waitSeconds: number;
        };
        WaitlistEntry: {
            entryId: string;
            /** @description The hold offered to the entry (status offered) */
            holdId?: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            joinedAt: string;
            /** @description 1 for the longest-waiting entry; null once out of the line */
            position: number | null;
            quantity: number;
            section?: string;
            showId: string;
            status: components["schemas"]["WaitlistEntryStatus"];
            tier?: string;
            /**
             * Format: date-time
             * @description ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z
             */
            waitsUntil: string;
        };
        /** @enum {string} */
        WaitlistEntryStatus: "waiting" | "offered" | "sold_out" | "expired" | "left";
        WaitlistJoined: {
            entryId: string;
            position: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"] | components["schemas"]["Error"];
                };
            };
        };
    };
    AdminCatalogController_createCity: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCityRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["City"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; `error` says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AdminCatalogController_createEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEventRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CatalogEvent"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; `error` says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AccountsController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TicketsController_refund: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderRefund"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; `error` says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AccountsController_createOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrganisationRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; `error` says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AccountsController_organisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationDetail"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AccountsController_createUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffUser"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; `error` says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AccountsController_disableUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisationId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AccountsController_issueToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisationId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueTokenRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedToken"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Over a limit, or an Idempotency-Key reused with another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AccountsController_revokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisationId: string;
                tokenId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AdminCatalogController_createPerformer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePerformerRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Performer"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; `error` says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProjectionsAdminController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectionStatus"][];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ProjectionsAdminController_rebuild: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RebuildStarted"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; `error` says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AdminCatalogController_staffShows: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffShows"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AdminCatalogController_scheduleShow: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleShowRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShowView"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; `error` says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    CapacityTransfersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CapacityTransfers"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    CapacityTransfersController_transfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CapacityTransferRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CapacityTransfer"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; `error` says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    OnSaleController_mark: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkHotOnSaleRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HotOnSale"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    OnSaleController_end: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    HolderMessagesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShowMessagesPage"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    HolderMessagesController_post: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1-100 visible ASCII characters; a retry with the same key gets the first answer */
                "Idempotency-Key"?: string;
            };
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostHolderMessageRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShowMessage"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ShowPricesController_prices: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShowPrices"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ShowPricesController_changePrice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                showId: string;
                tier: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePriceRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriceChange"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; `error` says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    AdminCatalogController_createVenue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVenueRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VenueView"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; `error` says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SalesAnalyticsController_event: {
        parameters: {
            query?: {
                /** @description json (default) or csv */
                format?: "json" | "csv";
                /** @description The breakdowns, separated by commas: tier, hour, region, size (default: all) */
                groupBy?: string;
            };
            header?: never;
            path: {
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SalesAnalytics"];
                    "text/csv": string;
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The URL is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SalesAnalyticsController_show: {
        parameters: {
            query?: {
                /** @description json (default) or csv */
                format?: "json" | "csv";
                /** @description The breakdowns, separated by commas: tier, hour, region, size (default: all) */
                groupBy?: string;
            };
            header?: never;
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SalesAnalytics"];
                    "text/csv": string;
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The URL is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    InventoryController_sales: {
        parameters: {
            query?: {
                /** @description The place of the last ticket already read (0: from the first) */
                after?: number;
                /** @description Page size, default 100 */
                limit?: number;
            };
            header?: never;
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SalesPage"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The URL is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    SalesOverTimeController_salesOverTime: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SalesOverTime"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    CatalogController_listCities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["City"][];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    CustomersController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description `<challenge>:<nonce>`: SHA-256 of it starts with the challenge's difficulty in zero bits */
                "Proof-Of-Work"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CustomerToken"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many calls; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    CustomersController_challenge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PowChallenge"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    HolderMessagesController_mine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HolderMessagesPage"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    InventoryController_myOrders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrdersPage"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    HolderMessagesController_updates: {
        parameters: {
            query?: never;
            header?: {
                /** @description Resume after this message (a log position) instead of starting with a snapshot */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-Sent Events: each message has `id` (a log position), `event` and `data` (JSON) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many calls; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    CatalogController_searchEvents: {
        parameters: {
            query?: {
                /** @description A city id: events with a show there */
                city?: string;
                /** @description A date (2027-07-01) or date-time with a zone */
                from?: string;
                page?: number;
                /** @description Words in the name, performer or description */
                q?: string;
                /** @description A bare date includes the whole day */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventsPage"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The URL is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    CatalogController_getEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                eventId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventDetails"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    InventoryController_getHold: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                holdId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HoldDetails"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    InventoryController_release: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                holdId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; `error` says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Gone: the hold expired or was released */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many calls; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    InventoryController_purchase: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1-100 visible ASCII characters; a retry with the same key gets the first answer */
                "Idempotency-Key"?: string;
            };
            path: {
                holdId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PurchaseRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The payment was declined */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; `error` says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Gone: the hold expired or was released */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Over a limit, or an Idempotency-Key reused with another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    InventoryController_order: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ReceiptsController_receipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Receipt"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    CatalogController_getShow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShowView"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    InventoryController_availability: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Availability"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TicketsController_checkIn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckInRequest"];
            };
        };
        responses: {
            /** @description Answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckIn"];
                };
            };
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckIn"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    TicketsController_counts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckInCounts"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    InventoryController_hold: {
        parameters: {
            query?: never;
            header?: {
                /** @description 1-100 visible ASCII characters; a retry with the same key gets the first answer */
                "Idempotency-Key"?: string;
                /** @description The pass from GET /v1/shows/{showId}/waiting-room once admitted (hot on-sales only) */
                "Queue-Pass"?: string;
            };
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HoldRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HoldCreated"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; `error` says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Over a limit, or an Idempotency-Key reused with another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many calls; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    OnSaleController_onSale: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HotOnSale"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    InventoryController_remaining: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Remaining"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    InventoryController_seats: {
        parameters: {
            query?: {
                /** @description One section of the seat map (needed above 25,000 seats) */
                section?: string;
            };
            header?: never;
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SeatStatus"][];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The URL is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    LiveController_showUpdates: {
        parameters: {
            query?: never;
            header?: {
                /** @description Resume after this message (a log position) instead of starting with a snapshot */
                "Last-Event-ID"?: string;
            };
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-Sent Events: each message has `id` (a log position), `event` and `data` (JSON) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many calls; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    OnSaleController_place: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaitingRoomPlace"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; `error` says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    OnSaleController_join: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaitingRoomPlace"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; `error` says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many calls; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WaitlistController_join: {
        parameters: {
            query?: never;
            header?: {
                /** @description The pass from GET /v1/shows/{showId}/waiting-room once admitted (hot on-sales only) */
                "Queue-Pass"?: string;
            };
            path: {
                showId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JoinWaitlistRequest"];
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaitlistJoined"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token lacks the right for this call */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; `error` says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Over a limit, or an Idempotency-Key reused with another request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many calls; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    CatalogController_getVenue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                venueId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VenueView"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WaitlistController_entry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaitlistEntry"];
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    WaitlistController_leave: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done; no body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state; `error` says which */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many calls; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    LiveController_waitlistUpdates: {
        parameters: {
            query?: never;
            header?: {
                /** @description Resume after this message (a log position) instead of starting with a snapshot */
                "Last-Event-ID"?: string;
            };
            path: {
                entryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server-Sent Events: each message has `id` (a log position), `event` and `data` (JSON) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description A malformed request; `error` says which rule and `details.field` which field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No bearer token, or one the API does not know */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many calls; retry after Retry-After seconds */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
