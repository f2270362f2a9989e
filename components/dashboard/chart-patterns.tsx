/**
 * The fills the dashboard's charts share, defined once per page: solid for this period, hatched for the prior
 * one — so the two series differ by pattern, not by colour alone. Referenced as url(#dash-solid) / url(#dash-hatched).
 */
export function ChartPatterns() {
  return (
    <svg aria-hidden="true" width="0" height="0" className="absolute">
      <defs>
        <pattern id="dash-solid" width="6" height="6" patternUnits="userSpaceOnUse">
          <rect width="6" height="6" fill="#1d4ed8" />
        </pattern>
        <pattern id="dash-hatched" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#e2e8f0" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#334155" strokeWidth="3" />
        </pattern>
      </defs>
    </svg>
  );
}
