import { useDensity, usePalette, usePreferencesActions, useTheme, type Density, type DirectionPalette, type ThemeName } from '../../lib/preferences-store';

function Choice<Value extends string>({
  label,
  value,
  options,
  onChoose,
  testId,
}: {
  label: string;
  value: Value;
  options: readonly [Value, string][];
  onChoose(value: Value): void;
  testId: string;
}) {
  return (
    <div className="settings-field">
      <span className="field-label">{label}</span>
      <div className="segmented" role="group" aria-label={label} data-testid={testId}>
        {options.map(([option, text]) => (
          <button
            key={option}
            type="button"
            className={option === value ? 'segment segment-on' : 'segment'}
            data-value={option}
            onClick={() => onChoose(option)}
          >
            {text}
          </button>
        ))}
      </div>
    </div>
  );
}

/** Theme, up/down colours and density. */
export function AppearanceSettings() {
  const theme = useTheme();
  const palette = usePalette();
  const density = useDensity();
  const actions = usePreferencesActions();
  const themes: [ThemeName, string][] = [
    ['dark', 'Dark'],
    ['midnight', 'Midnight'],
    ['light', 'Light'],
  ];
  const palettes: [DirectionPalette, string][] = [
    ['green-red', 'Green / red'],
    ['blue-orange', 'Blue / orange'],
  ];
  const densities: [Density, string][] = [
    ['compact', 'Compact'],
    ['comfortable', 'Comfortable'],
  ];
  return (
    <div className="settings-section">
      <Choice label="Theme" value={theme} options={themes} onChoose={actions.themeChosen} testId="theme-choice" />
      <Choice label="Up / down colours" value={palette} options={palettes} onChoose={actions.paletteChosen} testId="palette-choice" />
      <Choice label="Density" value={density} options={densities} onChoose={actions.densityChosen} testId="density-choice" />
    </div>
  );
}
