export interface AllowanceReservation {
  quantity: number;
  released: boolean;
}

/**
 * `reserved` counts every unit not released: held and owned alike. A sold hold's
 * reservation is never released, so bought tickets keep counting against the limit.
 */
export interface AllowanceState {
  readonly reservations: Map<string, AllowanceReservation>;
  reserved: number;
}

export function initialAllowanceState(): AllowanceState {
  return { reservations: new Map(), reserved: 0 };
}
