/** Break-even and trailing settings, as a template or RULE-012's account default gives them. */
export interface StopManagement {
  readonly breakEven: { readonly enabled: boolean; readonly triggerTicks: number; readonly offsetTicks: number };
  readonly trailing: { readonly enabled: boolean; readonly triggerTicks: number; readonly distanceTicks: number; readonly stepTicks: number };
}

/** Where break-even or the trail wants a stop, and which of them. */
export interface ManagedStop {
  readonly stopTicks: number;
  readonly cause: 'bracket:break-even' | 'bracket:trail';
}

/**
 * Where the stop of a position should be after its best excursion, or undefined before the first
 * trigger: break-even (+offset) after the break-even trigger, the trail distance behind the best
 * price after the trail trigger, whichever is tighter. Rounded away from a loss (the average may be
 * fractional). The one implementation of break-even and trailing (templates and RULE-012).
 */
export function managedStop(
  position: { readonly size: number; readonly averageTicks: number },
  bestTicks: number,
  management: StopManagement,
): ManagedStop | undefined {
  const direction = Math.sign(position.size);
  if (direction === 0) return undefined;
  const bestProfit = (bestTicks - position.averageTicks) * direction;
  let managed: ManagedStop | undefined;
  if (management.breakEven.enabled && bestProfit >= management.breakEven.triggerTicks) {
    const breakEven = position.averageTicks + direction * management.breakEven.offsetTicks;
    managed = { stopTicks: direction > 0 ? Math.ceil(breakEven) : Math.floor(breakEven), cause: 'bracket:break-even' };
  }
  if (management.trailing.enabled && bestProfit >= management.trailing.triggerTicks) {
    const trail = bestTicks - direction * management.trailing.distanceTicks;
    if (managed === undefined || (trail - managed.stopTicks) * direction > 0) managed = { stopTicks: trail, cause: 'bracket:trail' };
  }
  return managed;
}

/** RULE-012's settings in the shape of a template's management. */
export function ruleManagement(settings: {
  enabled: boolean;
  breakEvenAfterTicks: number;
  breakEvenOffsetTicks: number;
  trailAfterTicks: number;
  trailDistanceTicks: number;
}): StopManagement {
  return {
    breakEven: { enabled: settings.enabled, triggerTicks: settings.breakEvenAfterTicks, offsetTicks: settings.breakEvenOffsetTicks },
    trailing: { enabled: settings.enabled, triggerTicks: settings.trailAfterTicks, distanceTicks: settings.trailDistanceTicks, stepTicks: 1 },
  };
}
