import { useEffect } from 'react';
import { useDensity, usePalette, useTheme } from '../lib/preferences-store';

/** Puts the chosen theme, palette and density on the root element, where the CSS reads them. */
export function useThemeSync(): void {
  const theme = useTheme();
  const palette = usePalette();
  const density = useDensity();
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = theme;
    root.dataset.palette = palette;
    root.dataset.density = density;
  }, [theme, palette, density]);
}
